# Writes the bytes of IN as a NUL-terminated C array NAME into OUT.
file(READ ${IN} HEX HEX)
string(LENGTH "${HEX}" LEN)
math(EXPR N "${LEN} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," BYTES "${HEX}")
file(WRITE ${OUT} "/* generated from ${IN} */\n#include <stddef.h>\nconst char ${NAME}[] = {${BYTES}0x00};\nconst size_t ${NAME}_len = ${N};\n")
