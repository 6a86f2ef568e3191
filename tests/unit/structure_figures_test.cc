// Infographic figures (structure_figures.cc) and sentences and clauses (structure_prose.cc) of the
// structure model. Inputs are fragments of the sample report and synthetic text shaped like the
// layouts the corpus shows.
#include <gtest/gtest.h>

#include <sstream>

#include "esgaudit/document.h"
#include "esgaudit/structure.h"
#include "esgaudit_testing.h"

namespace esgaudit {
namespace {

struct Seen {
  std::string label;
  std::string figure;
  esgaudit_figure_label kind;
  bool ambiguous;
  uint32_t spans;
};

std::vector<Seen> Figures(const Document& doc) {
  std::vector<Seen> out;
  for (const Figure& g : doc.structure().figures()) {
    out.push_back({g.label, std::string(doc.text().substr(g.offset, g.length)), g.kind,
                   (g.flags & ESGAUDIT_FIGURE_AMBIGUOUS) != 0, g.span_count});
  }
  return out;
}

const Seen* Find(const std::vector<Seen>& all, std::string_view figure) {
  for (const Seen& s : all) {
    if (s.figure == figure) return &s;
  }
  return nullptr;
}

// The label of the figure printed as `figure`, or a marker no label equals when no such figure was found.
std::string LabelOf(const std::vector<Seen>& all, std::string_view figure) {
  const Seen* s = Find(all, figure);
  return s == nullptr ? "(no figure " + std::string(figure) + ")" : s->label;
}

std::string ClauseText(const Document& doc, const Clause& c) {
  return doc.structure().SpanText(doc.view(), c.first_span, c.span_count);
}

std::vector<std::string> SentenceTexts(const Document& doc) {
  const Structure& s = doc.structure();
  std::vector<std::string> out;
  for (const Sentence& st : s.sentences()) out.push_back(s.SpanText(doc.view(), st.first_span, st.span_count));
  return out;
}

TEST(StructureFiguresTest, AChartCaptionHeadsTheFiguresBelowIt) {
  // A short line with a chart word over shares and a legend: the caption of those lines, and the
  // column label of its figures; the run ends at prose. A short line without a chart word, or one
  // over a single figure, is no caption.
  Document doc = Document::FromUtf8("r.txt",
                                    "员工构成\n"
                                    "男女比例\n"
                                    "28%\n"
                                    "72%\n"
                                    "■男 ■女\n"
                                    "公司坚持男女同工同酬，保障女性员工的合法权益，2016年新招聘员工416人。\n"
                                    "技能等级\n"
                                    "45%\n"
                                    "30%\n"
                                    "Age split\n"
                                    "61%\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.chart_captions().size(), 1u);
  const ChartCaption& c = s.chart_captions()[0];
  EXPECT_EQ(c.text, "男女比例");
  EXPECT_EQ(c.line, 1u);
  EXPECT_EQ(c.first_line, 2u);
  EXPECT_EQ(c.last_line, 3u);
  EXPECT_EQ(s.ChartCaptionOf(3), &c);
  EXPECT_EQ(s.ChartCaptionOf(4), nullptr);
  std::vector<std::string> labels;
  for (const NumericFact& f : doc.facts()) {
    if (f.kind == ESGAUDIT_FACT_PERCENT) labels.push_back(f.column_label.str());
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"男女比例", "男女比例", "", "", ""}));
  // A figure's own label in a column of stacked labels and figures heads nothing below it.
  Document own = Document::FromUtf8("r.txt", "中高层管理人员\n35%\n女性高管比例\n41600人\n员工总数\n59%\n41%\n27%\n");
  EXPECT_TRUE(own.structure().chart_captions().empty());
}

TEST(StructureFiguresTest, AWideVerticalSpaceEndsACaptionsRun) {
  // A caption over its pie's shares, then three blank lines and the page's next chart (shares by
  // title): the second chart's shares are not the first chart's, and take no caption.
  Document doc = Document::FromUtf8("r.txt",
                                    "                    员工性别构成\n"
                                    "\n"
                                    "\n"
                                    "                                    男\n"
                                    "                                      79%\n"
                                    "                    男   女\n"
                                    "                                     21%\n"
                                    "\n"
                                    "\n"
                                    "\n"
                                    "                               副高职\n"
                                    "                        正高职\n"
                                    "                                6%\n"
                                    "                          1%\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.chart_captions().size(), 1u);
  const ChartCaption& c = s.chart_captions()[0];
  EXPECT_EQ(c.first_line, 1u);
  EXPECT_EQ(c.last_line, 6u);
  EXPECT_EQ(s.ChartCaptionOf(12), nullptr);
  // Two blank lines inside a run do not end it.
  Document close = Document::FromUtf8("r.txt", "男女比例\n28%\n\n\n72%\n■男 ■女\n");
  ASSERT_EQ(close.structure().chart_captions().size(), 1u);
  EXPECT_EQ(close.structure().chart_captions()[0].last_line, 4u);
}

TEST(StructureFiguresTest, AChartCaptionPrintedBelowItsChartClosesTheRunAboveIt) {
  // A caption line with a chart word under a chart's shares and legend, followed by prose: it
  // heads nothing below, so it is the caption of the lines above it, up to the line that is no
  // part of a chart (prose, another figure's label). A unit line is part of the run.
  Document doc = Document::FromUtf8("r.txt",
                                    "公司坚持男女同工同酬，保障女性员工的合法权益，新招聘员工416人。\n"
                                    "32%\n"
                                    "68%\n"
                                    "■男 ■女\n"
                                    "员工性别构成\n"
                                    "\n"
                                    "公司为员工提供多种形式的培训，全年培训覆盖全体员工。\n"
                                    "员工总数\n"
                                    "单位：％\n"
                                    "50    44.5\n"
                                    "管理人员比例\n"
                                    "集体谈判覆盖率\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.chart_captions().size(), 2u);
  const ChartCaption& sex = s.chart_captions()[0];
  EXPECT_EQ(sex.text, "员工性别构成");
  EXPECT_EQ(sex.line, 4u);
  EXPECT_EQ(sex.first_line, 1u);
  EXPECT_EQ(sex.last_line, 2u);
  EXPECT_EQ(s.ChartCaptionOf(1), &sex);
  EXPECT_EQ(s.ChartCaptionOf(0), nullptr);
  const ChartCaption& managers = s.chart_captions()[1];
  EXPECT_EQ(managers.text, "管理人员比例");
  EXPECT_EQ(managers.line, 10u);
  EXPECT_EQ(managers.first_line, 8u);
  EXPECT_EQ(managers.last_line, 9u);
  EXPECT_EQ(s.ChartCaptionOf(7), nullptr);  // 员工总数: another figure's label ends the run
  std::vector<std::string> labels;
  for (const NumericFact& f : doc.facts()) {
    if (f.line == 1 || f.line == 2) labels.push_back(f.column_label.str());
  }
  EXPECT_EQ(labels, (std::vector<std::string>{"员工性别构成", "员工性别构成"}));
  // A caption over figures heads them, never the lines above it; one under a lone figure, or
  // under words that are no chart, heads nothing.
  Document over = Document::FromUtf8("r.txt", "28%\n72%\n■男 ■女\n年龄分布\n45%\n55%\n■青年 ■中年\n");
  ASSERT_EQ(over.structure().chart_captions().size(), 1u);
  EXPECT_EQ(over.structure().chart_captions()[0].first_line, 4u);
  Document lone = Document::FromUtf8("r.txt", "员工总数\n61%\n年龄分布\n\n技能等级\n学历结构\n");
  EXPECT_TRUE(lone.structure().chart_captions().empty());
  // A caption over a table (its unit line between) heads the table, not the chart above it.
  Document table = Document::FromUtf8("r.txt",
                                      "1,200\n800\n400\n2015\t2016\n人员结构\n单位：人\n"
                                      "年份\t总人数\t男\t女\n2016\t19,523\t9,574\t9,949\n2015\t17,842\t8,653\t9,189\n");
  EXPECT_TRUE(table.structure().chart_captions().empty());
  // Figures finishing a sentence wrapped onto their line are no chart.
  Document sentence = Document::FromUtf8("r.txt", "公司持续推进性别平等，截至年末\n50    44.5\n女性员工比例\n集体谈判覆盖率\n");
  EXPECT_TRUE(sentence.structure().chart_captions().empty());
}

TEST(StructureFiguresTest, ACaptionsRunStopsAtTheSameLinesReadDownwardsOrUpwards) {
  // The lines that end a caption's run, read downwards from a caption over its chart and upwards
  // from one under it: three blank lines in a row (downwards only once a line of the run was
  // read), a table line, another caption; page furniture is passed over.
  auto captions = [](const std::string& text) {
    return Document::FromUtf8("r.txt", text).structure().chart_captions();
  };
  const std::string table = "年份\t总人数\t男\t女\n2016\t19,523\t9,574\t9,949\n2015\t17,842\t8,653\t9,189\n";
  const std::string prose = "公司坚持男女同工同酬，保障女性员工的合法权益，新招聘员工416人。\n";
  // Downwards.
  std::vector<ChartCaption> down = captions("男女比例\n\n\n\n28%\n72%\n" + prose);
  ASSERT_EQ(down.size(), 1u);  // a wide space before the first figure does not end the run
  EXPECT_EQ(down[0].first_line, 1u);
  EXPECT_EQ(down[0].last_line, 5u);
  EXPECT_TRUE(captions("男女比例\n28%\n\n\n\n72%\n" + prose).empty());
  EXPECT_TRUE(captions(prose + "男女比例\n28%\n" + table + prose).empty());
  EXPECT_TRUE(captions(prose + "男女比例\n28%\n年龄分布\n45%\n■青年 ■中年\n" + prose).empty());
  // Upwards.
  std::vector<ChartCaption> up = captions(prose + "28%\n72%\n\n\n■男 ■女\n员工性别构成\n" + prose);
  ASSERT_EQ(up.size(), 1u);  // two blank lines do not end it
  EXPECT_EQ(up[0].line, 6u);
  EXPECT_EQ(up[0].first_line, 1u);
  EXPECT_EQ(up[0].last_line, 2u);
  EXPECT_TRUE(captions(prose + "28%\n72%\n\n\n\n■男 ■女\n员工性别构成\n" + prose).empty());
  EXPECT_TRUE(captions(prose + "28%\n72%\n\n\n\n员工性别构成\n" + prose).empty());  // right under it too
  EXPECT_TRUE(captions(prose + table + "32%\n员工性别构成\n" + prose).empty());
  EXPECT_TRUE(captions(prose + "28%\n72%\n年龄分布\n45%\n■青年\n员工性别构成\n" + prose).empty());
  // Page furniture: a running header too long for a chart's line at the top of every page, between
  // a chart's figures split over two pages, is passed over in both directions.
  const std::string header = "某某股份有限公司二〇二〇年度社会责任暨环境信息披露报告\n";
  const std::string text[] = {"公司为员工提供多种形式的培训，全年培训覆盖全体员工。\n",
                              "公司坚持男女同工同酬，保障女性员工的合法权益。\n",
                              "公司持续推进节能减排，各项排放指标达到目标要求。\n"};
  const std::string paged_down = header + text[0] + "男女比例\n28%\n\f" + header + "72%\n" + text[1] + "\f" +
                                 header + text[2] + "\f";
  const std::string paged_up = header + text[0] + "28%\n\f" + header + "72%\n员工性别构成\n" + text[1] + "\f" +
                               header + text[2] + "\f";
  Document pd = Document::FromUtf8("r.txt", paged_down), pu = Document::FromUtf8("r.txt", paged_up);
  ASSERT_NE(pd.structure().line(4).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u);
  ASSERT_NE(pu.structure().line(3).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u);
  ASSERT_EQ(pd.structure().chart_captions().size(), 1u);
  EXPECT_EQ(pd.structure().chart_captions()[0].last_line, 5u);
  ASSERT_EQ(pu.structure().chart_captions().size(), 1u);
  EXPECT_EQ(pu.structure().chart_captions()[0].first_line, 2u);
  EXPECT_EQ(pu.structure().chart_captions()[0].last_line, 4u);
}

TEST(StructureFiguresTest, LabelsSplitOverTwoLinesInTheSample) {
  Document doc;
  ASSERT_TRUE(Document::Load(testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt"), &doc).ok());
  std::vector<Seen> all = Figures(doc);
  // 申请专 / 利89项, 发明专 / 利28项, 实用新 / 型61项, 授权专 / 利58项 on the 专利与标准 page.
  for (auto [figure, label] : std::vector<std::pair<std::string, std::string>>{
           {"89项", "申请专利"}, {"28项", "发明专利"}, {"61项", "实用新型"}, {"58项", "授权专利"}}) {
    const Seen* s = Find(all, figure);
    ASSERT_NE(s, nullptr) << figure;
    EXPECT_EQ(s->label, label) << figure;
    EXPECT_EQ(s->kind, ESGAUDIT_FIGURE_SPLIT) << figure;
    EXPECT_EQ(s->spans, 2u) << figure;
  }
  // "发明" stacked over "7 项" in the same columns, with page text in other columns between.
  const Seen* seven = Find(all, "7 项");
  ASSERT_NE(seven, nullptr);
  EXPECT_EQ(seven->label, "发明");
  EXPECT_EQ(seven->kind, ESGAUDIT_FIGURE_STACKED_ABOVE);
}

TEST(StructureFiguresTest, SplitLabelSpansPointAtBothLines) {
  Document doc = Document::FromUtf8("r.txt",
                                    "        参与志                   \n"
                                    "\n"
                                    "       愿者560人                 \n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.figures().size(), 1u);
  const Figure& g = s.figures()[0];
  EXPECT_EQ(g.label, "参与志愿者");
  EXPECT_EQ(g.line, 2u);
  ASSERT_EQ(g.span_count, 2u);
  EXPECT_EQ(s.spans()[g.first_span].line, 0u);
  EXPECT_EQ(doc.text().substr(s.spans()[g.first_span].offset, s.spans()[g.first_span].length), "参与志");
  EXPECT_EQ(s.spans()[g.first_span + 1].line, 2u);
  EXPECT_EQ(doc.text().substr(s.spans()[g.first_span + 1].offset, s.spans()[g.first_span + 1].length), "愿者");
  EXPECT_EQ(doc.facts()[g.fact].value, 560);
}

TEST(StructureFiguresTest, LabelsBelowTheirFiguresArePairedDownward) {
  // A column of figures each with its label below it: the way that pairs every figure wins.
  Document doc = Document::FromUtf8("r.txt",
                                    "12.5亿元\n营业收入\n3.2亿元\n利润总额\n"
                                    "88.6\n亿元\n资产总额\n");
  std::vector<Seen> all = Figures(doc);
  EXPECT_EQ(LabelOf(all, "12.5亿元"), "营业收入");
  EXPECT_EQ(Find(all, "12.5亿元")->kind, ESGAUDIT_FIGURE_STACKED_BELOW);
  EXPECT_FALSE(Find(all, "12.5亿元")->ambiguous);
  EXPECT_EQ(Find(all, "3.2亿元")->label, "利润总额");
  // A unit alone on the line under its figure does not break the column.
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[2].label, "资产总额");
}

TEST(StructureFiguresTest, LabelsAboveTheirFiguresArePairedUpward) {
  Document doc = Document::FromUtf8("r.txt", "员工总数\n1200人\n女性员工\n300人\n");
  std::vector<Seen> all = Figures(doc);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].label, "员工总数");
  EXPECT_EQ(all[0].kind, ESGAUDIT_FIGURE_STACKED_ABOVE);
  EXPECT_FALSE(all[0].ambiguous);
  EXPECT_EQ(all[1].label, "女性员工");
}

// A qualifier or linking word before a figure ("约", "共计") is no label of it: the figure takes the
// label above. Another word before a figure ("年度") keeps the label above from it.
TEST(StructureFiguresTest, LinkWordsBeforeAFigureAreNoLabel) {
  const std::string gap = "\n\n\n\n\n\n\n";
  Document doc = Document::FromUtf8("r.txt", "安全培训\n约 1200人次" + gap + "隐患整改\n共计98项" + gap +
                                                 "应急演练\n年度36次\n");
  std::vector<Seen> all = Figures(doc);
  EXPECT_EQ(LabelOf(all, "1200人次"), "安全培训");
  EXPECT_EQ(LabelOf(all, "98项"), "隐患整改");
  const Seen* other = Find(all, "36次");
  EXPECT_TRUE(other == nullptr || other->label != "应急演练");
}

TEST(StructureFiguresTest, AColumnThatPairsEitherWayIsAmbiguous) {
  // A label left over at one end: "员工总数 1200人" or "1200人 女性员工"? Both readings pair two.
  Document doc = Document::FromUtf8("r.txt", "员工总数\n1200人\n女性员工\n300人\n少数民族员工\n");
  std::vector<Seen> all = Figures(doc);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_TRUE(all[0].ambiguous);
  EXPECT_TRUE(all[1].ambiguous);
  EXPECT_EQ(all[0].label, "员工总数");
}

TEST(StructureFiguresTest, SeveralFiguresOnOneLineEachWithItsOwnLabel) {
  // Labels above by display column, and inline labels in cells of one line.
  Document doc = Document::FromUtf8("r.txt",
                                    "  安全培训            应急演练          隐患整改\n"
                                    "  1200人次            36次              98项\n"
                                    "\n"
                                    "  培训覆盖率98%       体检人数1150人\n");
  std::vector<Seen> all = Figures(doc);
  EXPECT_EQ(LabelOf(all, "1200人次"), "安全培训");
  EXPECT_EQ(LabelOf(all, "36次"), "应急演练");
  EXPECT_EQ(LabelOf(all, "98项"), "隐患整改");
  EXPECT_EQ(LabelOf(all, "98%"), "培训覆盖率");
  EXPECT_EQ(Find(all, "98%")->kind, ESGAUDIT_FIGURE_INLINE);
  EXPECT_EQ(LabelOf(all, "1150人"), "体检人数");
}

TEST(StructureFiguresTest, WhatLooksStackedButIsNoLabelledFigure) {
  // A bare number (a page number, a chart's axis) next to a title; a title over its paragraph; a
  // label naming another unit than the figure; a series of figures under one label; a legend.
  const std::string gap = "\n\n\n\n\n\n\n";  // blocks further apart than a label may be
  Document doc = Document::FromUtf8("r.txt", "24\n创新成果" + gap +
                                                 "26亿元\n薪资与福利体系\n公司每年开展外部市场薪酬调研，逐步完善薪酬与"
                                                 "福利体系，按岗位职责调整。" + gap +
                                                 "在职培训人次\n1170.52万元" + gap +
                                                 "排放同比变化\n0%\n-10%\n-20%" + gap +
                                                 "■男性员工■女性员工\n62%\n");
  EXPECT_TRUE(doc.structure().figures().empty()) << doc.structure().figures()[0].label;
}

// A chart's labels: one character over its slice ("女" over "21%"); a label set a few columns beside
// its figure on the next line, taken when no other label of its line is nearer to the figure and
// within sixteen columns; a label over its English translation.
TEST(StructureFiguresTest, ChartLabelsOfOneCharacterOrBesideTheirFigure) {
  const std::string gap = "\n\n\n\n\n\n\n";
  Document doc = Document::FromUtf8("r.txt", "    女\n   21%" + gap +
                                                 "                大专\n                                361人" + gap +
                                                 "大专               本科\n           379人" + gap +
                                                 "硕士\n                                        45人" + gap +
                                                 "98.32%\n\n客户档案准确率\nCustomer profile accuracy\n");
  std::vector<Seen> all = Figures(doc);
  ASSERT_EQ(all.size(), 4u);
  const Seen* share = Find(all, "21%");
  ASSERT_NE(share, nullptr);
  EXPECT_EQ(share->label, "女");
  const Seen* offset = Find(all, "361人");
  ASSERT_NE(offset, nullptr);
  EXPECT_EQ(offset->label, "大专");
  EXPECT_EQ(offset->kind, ESGAUDIT_FIGURE_STACKED_ABOVE);
  const Seen* nearer = Find(all, "379人");  // 本科 ends nearer to it than 大专
  ASSERT_NE(nearer, nullptr);
  EXPECT_EQ(nearer->label, "本科");
  EXPECT_EQ(Find(all, "45人"), nullptr);  // 硕士 is too far to its left
  // A label over its English translation is no title over a paragraph.
  const Seen* below = Find(all, "98.32%");
  ASSERT_NE(below, nullptr);
  EXPECT_EQ(below->label, "客户档案准确率");
  EXPECT_EQ(below->kind, ESGAUDIT_FIGURE_STACKED_BELOW);
}

TEST(StructureFiguresTest, ProseAndTablesGiveNoInfographicFigures) {
  Document doc = Document::FromUtf8("r.txt",
                                    "公司全年开展安全培训1200人次，员工体检覆盖率达到98%，较上年提升2个百分点。\n"
                                    "指标\t2019年\t2020年\n员工总数\t1100\t1200\n女性员工\t280\t300\n");
  EXPECT_TRUE(doc.structure().figures().empty());
}

TEST(StructureProseTest, SentencesJoinWrappedLinesAndSplitAtPunctuation) {
  Document doc = Document::FromUtf8("r.txt",
                                    "    公司全年开展安全培训1200人次，员工\n"
                                    "\n"
                                    "体检覆盖率达到98%。新入职员工\n"
                                    "320人；离职率2.5%。\n");
  std::vector<std::string> sentences = SentenceTexts(doc);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0], "公司全年开展安全培训1200人次,员工体检覆盖率达到98%。");
  EXPECT_EQ(sentences[1], "新入职员工320人;");
  EXPECT_EQ(sentences[2], "离职率2.5%。");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.sentences()[0].clause_count, 2u);
  const Clause& second = s.clauses()[s.sentences()[0].first_clause + 1];
  EXPECT_EQ(ClauseText(doc, second), "员工体检覆盖率达到98%");
  EXPECT_EQ(second.span_count, 2u);  // it runs over two lines
  // Facts are addressable per clause, and each fact knows its clause.
  ASSERT_EQ(second.fact_count, 1u);
  uint32_t f = s.clause_facts()[second.first_fact];
  EXPECT_EQ(doc.facts()[f].value, 98);
  EXPECT_EQ(s.ClauseOfFact(f), s.sentences()[0].first_clause + 1);
  // 2.5 is one number: its '.' ends no sentence.
  const Clause& rate = s.clauses()[s.sentences()[2].first_clause];
  ASSERT_EQ(rate.fact_count, 1u);
  EXPECT_DOUBLE_EQ(doc.facts()[s.clause_facts()[rate.first_fact]].value, 2.5);
}

TEST(StructureProseTest, ColumnsSideBySideAndHeadingsAndTablesStayApart) {
  Document doc = Document::FromUtf8("r.txt",
                                    "公司坚持绿色发展，推进节能                    员工是企业最宝贵的财富，公司\n"
                                    "减排工作，全年节约标准煤                      依法保障员工权益，签订劳动合\n"
                                    "3.5万吨。                                     同1200份。\n"
                                    "\n"
                                    "一、安全生产\n"
                                    "\n"
                                    "安全是企业发展的生命线\n"
                                    "指标\t2019年\t2020年\n员工总数\t1100\t1200\n");
  std::vector<std::string> sentences = SentenceTexts(doc);
  ASSERT_EQ(sentences.size(), 3u);
  EXPECT_EQ(sentences[0], "公司坚持绿色发展,推进节能减排工作,全年节约标准煤3.5万吨。");
  EXPECT_EQ(sentences[1], "员工是企业最宝贵的财富,公司依法保障员工权益,签订劳动合同1200份。");
  // The heading is no part of a sentence; the line after it is a sentence without an end mark,
  // and the table's rows are none.
  EXPECT_EQ(sentences[2], "安全是企业发展的生命线");
}

TEST(StructureProseTest, AParagraphUnderAListMarkerLineIsRead) {
  // "2、" beside a title is a short cell among others (no sentence of its own): the paragraph below
  // it starts its own chain instead of hanging off the marker and being lost.
  Document doc = Document::FromUtf8("r.txt",
                                    "2、\t技术创新\n"
                                    "本报告期内，公司新申请专利101项，其中发明专利37项；新获授权专利82项。\n"
                                    "3、\t商业模式创新\n");
  std::vector<std::string> sentences = SentenceTexts(doc);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0], "本报告期内,公司新申请专利101项,其中发明专利37项;");
  EXPECT_EQ(sentences[1], "新获授权专利82项。");
}

TEST(StructureProseTest, ASentenceAfterASemicolonOfItsParagraphSaysSo) {
  // The flag tells a reader the sentence goes on with the one before it: set after ；and ; within a
  // paragraph, not after 。, and not across paragraphs (a heading between).
  Document doc = Document::FromUtf8("r.txt",
                                    "2016年，73人获得技师资格，累计达到1204人；14人获得高级技师资格，累计达到210人。\n"
                                    "全年开展培训36次; 参训员工1200人次。\n"
                                    "\n"
                                    "一、安全生产\n"
                                    "\n"
                                    "全年未发生安全事故。\n");
  const Structure& s = doc.structure();
  std::vector<std::string> got;
  for (const Sentence& st : s.sentences()) {
    got.push_back(std::to_string(st.paragraph) + ((st.flags & ESGAUDIT_SENTENCE_AFTER_SEMICOLON) ? " after ;" : ""));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"0", "0 after ;", "0", "0 after ;", "1"}));
}

// English text in a box of its own: a line centred further right, or one with a line of the next
// column between, goes on with the sentence above when it opens with a small letter. A capitalised
// line there, a figure alone or a heading in capitals above, and a sentence ended above start anew.
TEST(StructureProseTest, ASmallLetterFurtherRightGoesOnWithTheSentenceAbove) {
  const std::string pad(60, ' ');
  Document doc = Document::FromUtf8("r.txt",
                                    pad + "Total capacities of electricity generation: 101 GW (at 100%)\n" +
                                        pad + "              of which 31 GW renewables\n"
                                        "\n"
                                        "      purpose defines the Group's mission,\n" +
                                        pad + "Total capacities: 19.5GW (at 100%)\n"
                                        "      services. It is an important milestone\n" +
                                        pad + "     including 14.1GW renewables\n"
                                        "\n"
                                        "\n"
                                        "\n"
                                        "\n"
                                        "\n" +
                                        pad + "Installed in two years and\n" +
                                        pad + "              Cooling networks grew\n"
                                        "\n"
                                        "\n"
                                        "\n"
                                        "\n"
                                        "\n" +
                                        pad + "GROUP CAPACITY\n" +
                                        pad + "              in gigawatts of power\n"
                                        "\n"
                                        "\n"
                                        "\n"
                                        "\n"
                                        "\n" +
                                        pad + "          Solar parks grew\n" +
                                        pad + "Our wind fleet\n" +
                                        pad + "          in most regions\n");
  const std::vector<std::string> got = SentenceTexts(doc);
  auto has = [&](const std::string& s) { return std::find(got.begin(), got.end(), s) != got.end(); };
  EXPECT_TRUE(has("Total capacities of electricity generation: 101 GW (at 100%)of which 31 GW renewables"));
  EXPECT_TRUE(has("Total capacities: 19.5GW (at 100%)including 14.1GW renewables"));
  EXPECT_TRUE(has("Cooling networks grew")) << ::testing::PrintToString(got);
  EXPECT_TRUE(has("in gigawatts of power")) << ::testing::PrintToString(got);
  // A line reaching into the column is no other column's: nothing is read past it.
  EXPECT_TRUE(has("Solar parks grew")) << ::testing::PrintToString(got);
}

TEST(StructureProseTest, AFigureAloneWithItsUnitIsNoHeadingAndEndsItsSentence) {
  // "3,914.86 亿" under its label: no section "3," (a comma after the first digit groups a figure)
  // nor "17" titled 项; and a sentence ending at such a figure runs on into nothing below it.
  Document doc = Document::FromUtf8("r.txt",
                                    "公募基金资产规模\n"
                                    "3,914.86 亿\n"
                                    "管理公募基金产品116只 非公募基金资产规模\n"
                                    "2,537.31 亿元\n"
                                    "公司是华泰柏瑞基金管理有限公司的第一大股东，持股比例为49%。\n"
                                    "全年开展培训\n"
                                    "17项\n");
  EXPECT_TRUE(doc.structure().sections().empty());
  for (size_t line : {1u, 3u, 6u})
    EXPECT_NE(doc.structure().line(line).role, ESGAUDIT_ROLE_HEADING) << line;
  // The first and last figures are infographic figures under their labels; the second ends the
  // sentence of the line above it.
  std::vector<std::string> sentences = SentenceTexts(doc);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0], "管理公募基金产品116只非公募基金资产规模2,537.31亿元");
  EXPECT_EQ(sentences[1], "公司是华泰柏瑞基金管理有限公司的第一大股东,持股比例为49%。");
  // A change of the figure on the line below goes on with its clause.
  Document change = Document::FromUtf8("r.txt",
                                       "报告期内本行符合绿色信贷统计口径的贷款余额为\n"
                                       "1611.05亿元\n"
                                       "较2015年末增长10.68%，成功发行第一期绿色金融债券。\n");
  EXPECT_EQ(SentenceTexts(change),
            (std::vector<std::string>{"报告期内本行符合绿色信贷统计口径的贷款余额为1611.05亿元较2015年末增长10.68%,"
                                      "成功发行第一期绿色金融债券。"}));
  // A number without its unit wraps inside a sentence: it runs on.
  Document wrapped = Document::FromUtf8("r.txt",
                                        "公司坚持以人为本，持续完善员工培训体系，全年累计培训员工\n"
                                        "1200\n"
                                        "人次，覆盖全体一线员工和管理人员。\n");
  EXPECT_EQ(SentenceTexts(wrapped),
            (std::vector<std::string>{"公司坚持以人为本,持续完善员工培训体系,全年累计培训员工1200人次,覆盖全体一线员工和管理人员。"}));
}

TEST(StructureProseTest, SentencesOfOneParagraphShareItsNumber) {
  Document doc = Document::FromUtf8("r.txt",
                                    "公司全年招聘员工155名。其中高校毕业生67名，\n"
                                    "社会招聘88名。\n"
                                    "\n"
                                    "一、安全生产\n"
                                    "\n"
                                    "安全是企业发展的生命线。全年开展培训36次。\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.sentences().size(), 4u);
  EXPECT_EQ(s.sentences()[0].paragraph, 0u);
  EXPECT_EQ(s.sentences()[1].paragraph, 0u);  // runs over the wrapped line
  EXPECT_EQ(s.sentences()[2].paragraph, 1u);  // after the heading
  EXPECT_EQ(s.sentences()[3].paragraph, 1u);
}

// Each sentence as "paragraph: clause / clause …", a clause's pieces (one per line it runs over)
// joined by '|'.
std::vector<std::string> ClauseDump(const Document& doc) {
  const Structure& s = doc.structure();
  std::vector<std::string> out;
  for (const Sentence& st : s.sentences()) {
    std::string line = std::to_string(st.paragraph) + ":";
    for (uint32_t c = st.first_clause; c < st.first_clause + st.clause_count; ++c) {
      const Clause& cl = s.clauses()[c];
      EXPECT_EQ(cl.sentence, static_cast<uint32_t>(&st - s.sentences().data()));
      line += c == st.first_clause ? " " : " / ";
      for (uint32_t k = 0; k < cl.span_count; ++k)
        line += (k ? "|" : "") + s.SpanText(doc.view(), cl.first_span + k, 1);
    }
    out.push_back(line);
  }
  return out;
}

TEST(StructureProseTest, ClausesOfManySentencesAndParagraphsKeepTheirPieces) {
  // The clause buffers are reused from sentence to sentence and paragraph to paragraph: clauses
  // over wrapped lines, runs of marks (empty clauses are no clauses), a sentence without an end
  // mark before a heading, English and Chinese marks, and a sentence ending at a line's end.
  Document doc = Document::FromUtf8("r.txt",
                                    "公司全年开展安全培训1200人次，，员工\n"
                                    "体检覆盖率达到98%；新入职员工320人。离职率\n"
                                    "2.5%，较上年下降，\n"
                                    "0.3个百分点。\n"
                                    "\n"
                                    "一、安全生产\n"
                                    "\n"
                                    "安全是企业发展的生命线，全年开展培训36次，演练12次，\n"
                                    "覆盖员工5000人\n"
                                    "\n"
                                    "二、环境保护\n"
                                    "\n"
                                    "In 2020 we trained 12,375 employees, and the coverage rate\n"
                                    "was 98.5%. Injuries fell: 3 cases; none fatal.\n");
  const std::vector<std::string> want = {
      "0: 公司全年开展安全培训1200人次 / 员工|体检覆盖率达到98%",
      "0: 新入职员工320人",
      "0: 离职率|2.5% / 较上年下降 / 0.3个百分点",
      "1: 安全是企业发展的生命线 / 全年开展培训36次 / 演练12次 / 覆盖员工5000人",
      "2: In 2020 we trained 12,375 employees / and the coverage rate|was 98.5%",
      "2: Injuries fell / 3 cases",
      "2: none fatal",
  };
  EXPECT_EQ(ClauseDump(doc), want);
}

TEST(StructureProseTest, EnglishSentencesAndNumbers) {
  Document doc = Document::FromUtf8("r.txt",
                                    "In 2020 we trained 12,375 employees, and the coverage rate\n"
                                    "was 98.5%. Injuries fell: 3 cases.\n");
  std::vector<std::string> sentences = SentenceTexts(doc);
  ASSERT_EQ(sentences.size(), 2u);
  EXPECT_EQ(sentences[0], "In 2020 we trained 12,375 employees, and the coverage rate was 98.5%.");
  const Structure& s = doc.structure();
  EXPECT_EQ(s.sentences()[0].clause_count, 2u);
  EXPECT_EQ(s.sentences()[1].clause_count, 2u);
}

}  // namespace
}  // namespace esgaudit
