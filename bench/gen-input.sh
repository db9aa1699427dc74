#!/bin/sh
# Writes a bilingual dossier of N sections (each a heading, four paragraphs,
# a list; every fourth with a chart and tiles) to stdout: input of growing
# size for the benchmark.
set -eu
n=${1:?usage: gen-input.sh SECTIONS}
cat <<'HEAD'
<?xml version="1.0" encoding="UTF-8"?>
<dossier version="1" languages="de zh">
<meta><title><t xml:lang="de">Benchmark</t><t xml:lang="zh">基准测试</t></title>
<date when="2026-03-02"/></meta>
<data>
<figure id="a" value="2.22e9" unit="USD"><label><t xml:lang="de">Kapital</t><t xml:lang="zh">资本</t></label></figure>
<figure id="b" value="7.3e8" unit="USD" qualifier="more-than"><label><t xml:lang="de">Investitionen</t><t xml:lang="zh">投资</t></label></figure>
<figure id="c" value="315" unit="count"><label><t xml:lang="de">Projekte</t><t xml:lang="zh">项目</t></label></figure>
</data>
HEAD
i=0
while [ "$i" -lt "$n" ]; do
  echo "<section id=\"s$i\"><heading><t xml:lang=\"de\">Abschnitt $i: Wirtschaft und Handel</t><t xml:lang=\"zh\">第${i}节：经济与贸易</t></heading>"
  for k in 1 2 3 4; do
    echo '<p><t xml:lang="de">Deutschland ist nach wie vor Nanjings wichtigster Wirtschafts- und Handelspartner in Europa. In Nanjing sind aktuell <fig ref="c"/> Projekte mit deutscher Finanzierung angesiedelt. Das tatsächlich genutzte deutsche Kapital beläuft sich auf <fig ref="a"/>; die vertraglich vereinbarten Investitionen nach Deutschland summieren sich auf <fig ref="b"/>. Unternehmen wie Thyssenkrupp, BSH Hausgeräte und Phoenix Contact sind mit wichtigen Standorten in Nanjing vertreten.</t>'
    echo '<t xml:lang="zh">德国一直是南京在欧洲最重要的经贸伙伴。目前南京共有<fig ref="c"/>个德资项目，实际使用德资<fig ref="a"/>，南京对德协议投资<fig ref="b"/>。蒂森克虏伯、博西家电、菲尼克斯电气等企业在南京设有重要基地。</t></p>'
  done
  echo '<list><item><t xml:lang="de">Intelligente Mobilität</t><t xml:lang="zh">智能出行</t></item><item><t xml:lang="de">Smart Cities</t><t xml:lang="zh">智慧城市</t></item></list>'
  if [ $((i % 4)) -eq 0 ]; then
    echo '<facts figures="a b c"/><chart type="bar" figures="a b"/>'
  fi
  echo "</section>"
  i=$((i + 1))
done
echo "</dossier>"
