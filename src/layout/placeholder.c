/* placeholder until the stage has sources; removed by the stage's first real file */
typedef int dossier_placeholder_layout;
