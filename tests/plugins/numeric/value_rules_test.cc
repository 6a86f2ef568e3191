// The value rules and KPI data on the sample: clean sample and KPI file give nothing; one changed
// number (in the report or in the KPI file) gives exactly one finding, at the changed place.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "esgaudit/kpi.h"
#include "esgaudit/rule_selection.h"
#include "esgaudit_testing.h"
#include "random_draw.h"
#include "layout_cells.h"
#include "rate_above_100_rule.h"
#include "register.h"
#include "value_facts.h"
#include "yearly_tables.h"

namespace esgaudit::numeric {
namespace {

const char kSample[] = "samples/yunnan-aluminium-2020-csr.txt";
const char kSampleKpi[] = "samples/yunnan-aluminium-2020-kpi.json";

const sdk::Registry& Registry() {
  static const sdk::Registry& r = sdk::BuildRegistry(&RegisterRules);
  return r;
}

bool IsValueRule(const std::string& rule) {
  for (const char* id :
       {"numeric.kpi-inconsistent", "numeric.kpi-mismatch", "numeric.magnitude-slip",
        "numeric.rate-above-100", "numeric.restatement-mismatch", "numeric.yoy-claim"}) {
    if (rule == id) return true;
  }
  return false;
}

// "line:col: severity: message [rule]" for the value rules' findings, plus one line per related
// note.
std::vector<std::string> ValueFindings(const ReportResult& r) {
  std::vector<std::string> out;
  for (const Finding& f : r.findings) {
    if (!IsValueRule(f.rule)) continue;
    std::string s = std::to_string(f.location.line) + ":" + std::to_string(f.location.column) +
                    ": " + SeverityName(f.severity) + ": " + f.message + " [" + f.rule + "]";
    for (const Related& n : f.related)
      s += " | note " + std::to_string(n.location.line) + ": " + n.message;
    out.push_back(s);
  }
  return out;
}

std::string ReplaceOnLine(std::string text, int line, const std::string& from,
                          const std::string& to) {
  size_t at = 0;
  for (int l = 1; l < line; ++l) at = text.find('\n', at) + 1;
  size_t end = text.find('\n', at);
  size_t hit = text.find(from, at);
  EXPECT_TRUE(hit != std::string::npos && hit < end) << "'" << from << "' not on line " << line;
  return text.replace(hit, from.size(), to);
}

ReportResult RunText(const std::string& text, const std::vector<KpiRecord>* kpis = nullptr,
                     RunOptions options = RunOptions()) {
  options.kpis = kpis;
  return testing::Run(Registry(), Document::FromUtf8(kSample, text), options);
}

class TempDir {
 public:
  TempDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("esgaudit-value-" +
             std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& content) const {
    std::filesystem::create_directories((path_ / name).parent_path());
    std::ofstream((path_ / name).string(), std::ios::binary) << content;
    return (path_ / name).string();
  }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

std::vector<KpiRecord> LoadKpis(const std::string& path) {
  std::vector<KpiRecord> kpis;
  Status s = LoadKpiData(path, &kpis);
  EXPECT_TRUE(s.ok()) << s.message();
  return kpis;
}

TEST(ValueRulesSample, CleanSampleWithItsKpiDataHasNoFinding) {
  std::vector<KpiRecord> kpis = LoadKpis(kSampleKpi);
  ASSERT_GE(kpis.size(), 20u);
  ReportResult r = RunText(testing::ReadFile(kSample), &kpis);
  EXPECT_TRUE(r.status.ok()) << r.status.message();
  EXPECT_EQ(ValueFindings(r), std::vector<std::string>());
}

// An infographic's label matched at the end of a clause before a figure: the clause's suffixes are
// looked up among the labels of the figure's unit as views. A label of six CJK characters (longer
// than a short string's own room) and one of a second unit each find their prose restatement; the
// same label in another unit, a shorter label that is no infographic's and another year do not.
TEST(ValueRulesText, ProseEndingWithAnInfographicsLabelInItsUnitRestatesIt) {
  const std::string text =
      "                  授权发明\n"
      "                  专利36项\n"
      "\n"
      "2020年，公司获得授权发明专利38项。\n"
      "2020年，公司获得授权发明专利36件。\n"
      "2020年，公司获得发明专利39项。\n"
      "2019年，公司获得授权发明专利30项。\n"
      "                  员工\n"
      "                  培训1200人次\n"
      "\n"
      "2020年，公司开展员工培训1300人次。\n";
  std::vector<std::string> found;
  for (const std::string& f : ValueFindings(RunText(text))) found.push_back(f.substr(0, f.find(" | note")));
  EXPECT_EQ(found, (std::vector<std::string>{
                       "4:29: error: “授权发明专利”此处为“38项”，第 2 行为“36项” [numeric.restatement-mismatch]",
                       "11:25: error: “员工培训”此处为“1300人次”，第 9 行为“1200人次” [numeric.restatement-mismatch]"}));
}

// Prose restating a yearly table's row: the clause before the figure ends with the row's label, the
// figure (a quantity or a percentage) is printed in the row's unit (a unit cell, or a bracket after the label) and dated in a
// column's year (named in its sentence, else the report's year). A warning where they disagree. Near
// misses: another scope before the label (a subsidiary), a figure inside a bracket (a remark on
// something else), a printed unit no figure of the document explains (千立方米), a modifier (累计), a
// plan, a year the table does not hold; the 2015 figures are compared with the 2015 column, not the
// 2016 one, and 亿元 with a row in 万元 (both 元, as the document's own figures print them).
TEST(ValueRulesText, ProseRestatingAYearlyTablesRowMustAgreeWithItsCell) {
  const std::string text =
      "2016年，公司公益捐赠合计57.24万元，志愿者人数650人。\n"
      "2015年，公司公益捐赠30.70万元。\n"
      "2016年，下属水务公司公益捐赠合计60.00万元。\n"
      "2016年，公司共有3000人（员工2400人、志愿者人数600人）参加捐献。\n"
      "2016年，公司营业收入17.63亿元，用水量1.2万立方米。\n"
      "2015年，公司营业收入18.00亿元。\n"
      "2016年，公司累计公益捐赠300万元。\n"
      "2016年，公司计划公益捐赠100万元。\n"
      "2014年，公司公益捐赠20万元。\n"
      "2016年，公司员工流失率1.5%，体检覆盖率100%。\n"
      "\n"
      "指标\t单位\t2016年\t2015年\n"
      "公益捐赠\t万元\t56.42\t30.70\n"
      "志愿者人数\t人\t650\t613\n"
      "员工流失率\t%\t1.2\t1.3\n"
      "体检覆盖率\t%\t100\t98\n"
      "营业收入\t万元\t176,260.81\t170,000.00\n"
      "用水量\t千立方米\t15\t14\n";
  std::vector<std::string> found;
  for (const std::string& f : ValueFindings(RunText(text))) found.push_back(f.substr(0, f.find(" | note")));
  EXPECT_EQ(found, (std::vector<std::string>{
                       "1:25: warning: “公益捐赠”此处为“57.24万元”，第 13 行的表格（2016年，单位万元）为“56.42” "
                       "[numeric.restatement-mismatch]",
                       "6:21: warning: “营业收入”此处为“18.00亿元”，第 17 行的表格（2015年，单位万元）为“170,000.00” "
                       "[numeric.restatement-mismatch]",
                       "10:23: warning: “员工流失率”此处为“1.5%”，第 15 行的表格（2016年，单位%）为“1.2” "
                       "[numeric.restatement-mismatch]"}));
  // The unit in a bracket after the label, and English messages.
  const std::string bracket =
      "2016年，公司公益捐赠合计57.24万元。\n"
      "\n"
      "指标\t2016年\t2015年\n"
      "公益捐赠（万元）\t56.42\t30.70\n";
  found.clear();
  for (const std::string& f : ValueFindings(RunText(bracket))) found.push_back(f.substr(0, f.find(" | note")));
  EXPECT_EQ(found, (std::vector<std::string>{
                       "1:25: warning: “公益捐赠”此处为“57.24万元”，第 4 行的表格（2016年，单位万元）为“56.42” "
                       "[numeric.restatement-mismatch]"}));
}

// A rate's name broken by the line end ("体检" / "率达到102%") is read from the model's clause; a
// target anywhere in the sentence before it makes it a target exceeded, whichever of the two the
// reader asks first; a line ending with no rate's name gives none.
TEST(ValueRulesText, ARateNameBrokenByTheLineEndIsNoTargetExceeded) {
  const std::string text =
      "公司积极推进员工健康管理，全年员工体检\n"
      "率达到102%。\n"
      "公司年度目标为全员体检，全年员工体检\n"
      "率达到103%。\n"
      "全年员工体检\n"
      "\n"
      "工作全面完成，增幅为104%。\n";
  EXPECT_EQ(ValueFindings(RunText(text)),
            std::vector<std::string>{
                "2:7: error: 比率“体检率”为“102%”，超过 100%（标签跨行拼合） [numeric.rate-above-100]"});
}

TEST(ValueRulesSample, OneChangedKpiValueGivesOneFindingAtItsFigure) {
  TempDir dir;
  std::string json = testing::ReadFile(kSampleKpi);
  std::string changed = ReplaceOnLine(json, 107, "\"value\": 9,", "\"value\": 8,");
  std::string path = dir.Write("kpi.json", changed);
  std::vector<KpiRecord> kpis = LoadKpis(path);
  ReportResult r = RunText(testing::ReadFile(kSample), &kpis);
  std::vector<std::string> found = ValueFindings(r);
  ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(found);
  // The text's 9次董事会 (line 2081) and its infographic (line 2092).
  EXPECT_EQ(
      found[0],
      "2081:25: error: 正文为“9次”，但 KPI“governance.board_meetings”为“8 次”（kpi.json:106） "
      "[numeric.kpi-mismatch] | note 2092: 不一致：9次");
}

TEST(ValueRulesSample, KpiPartsNotSummingToTheirTotal) {
  TempDir dir;
  std::string json = testing::ReadFile(kSampleKpi);
  // hires.college 361 -> 360: the parts no longer add up to hires.total, and the text says 361.
  std::string path = dir.Write("kpi.json", ReplaceOnLine(json, 67, "361", "360"));
  std::vector<KpiRecord> kpis = LoadKpis(path);
  RunOptions en;
  en.lang = "en";
  std::vector<std::string> found = ValueFindings(RunText(testing::ReadFile(kSample), &kpis, en));
  ASSERT_EQ(found.size(), 2u) << ::testing::PrintToString(found);
  EXPECT_EQ(
      found[0],
      "1616:107: error: KPI 'hires.total' is '740 人' but its parts sum to 360 + 379 = 739 人 "
      "(rule 'hires-by-education'; kpi.json:61, kpi.json:66, kpi.json:71) "
      "[numeric.kpi-inconsistent]"
      " | note 1624: hires.college | note 1626: hires.bachelor_plus");
  EXPECT_EQ(found[1],
            "1624:88: warning: the report states '361人' but KPI 'hires.college' is '360 人' "
            "(kpi.json:66) "
            "[numeric.kpi-mismatch]");
}

TEST(ValueRulesSample, MalformedKpiRulePackIsAConfigError) {
  TempDir dir;
  dir.Write("numeric/kpi-rules.json",
            "{\"rules\": [\n  {\"id\": \"a\", \"type\": \"sum-equals\", \"total\": \"x\", "
            "\"parts\": [\"y\"]},\n"
            "  {\"id\": \"b\", \"type\": \"sum-of\", \"total\": \"x\"}\n]}\n");
  std::vector<KpiRecord> kpis = LoadKpis(kSampleKpi);
  RunOptions options;
  options.rules_dirs = {dir.path()};
  ReportResult r = RunText(testing::ReadFile(kSample), &kpis, options);
  EXPECT_EQ(r.status.code(), ExitStatus::kUsageOrInput);
  EXPECT_NE(r.status.message().find(dir.path() +
                                    "/numeric/kpi-rules.json:3: rule 'b': unknown type 'sum-of'"),
            std::string::npos)
      << r.status.message();
}

TEST(ValueRulesSample, MalformedKpiRulePackSyntax) {
  TempDir dir;
  dir.Write("numeric/kpi-rules.json", "{\"rules\": [\n  {\"id\": \"a\",, }\n]}\n");
  std::vector<KpiRecord> kpis = LoadKpis(kSampleKpi);
  RunOptions options;
  options.rules_dirs = {dir.path()};
  ReportResult r = RunText(testing::ReadFile(kSample), &kpis, options);
  EXPECT_EQ(r.status.code(), ExitStatus::kUsageOrInput);
  EXPECT_NE(r.status.message().find(dir.path() + "/numeric/kpi-rules.json:2: invalid JSON"),
            std::string::npos)
      << r.status.message();
}

// A KPI in 处, 对 or 股 (count units the report's fact reader reads) loads and compares with the
// report's figure in that unit: the same value agrees, another is a mismatch at the figure. A KPI
// in another unit than the figure's (个) is no mention of it.
TEST(ValueRulesKpi, AKpiInEachCountUnitComparesWithTheReportsFigure) {
  TempDir dir;
  dir.Write("numeric/kpi-rules.json",
            "{\"rules\": [\n"
            "  {\"id\": \"t-sites\", \"type\": \"same-as-text\", \"key\": \"t.sites\", \"labels\": [\"排查隐患\"]},\n"
            "  {\"id\": \"t-pairs\", \"type\": \"same-as-text\", \"key\": \"t.pairs\", \"labels\": [\"繁育白鹤\"]},\n"
            "  {\"id\": \"t-shares\", \"type\": \"same-as-text\", \"key\": \"t.shares\", \"labels\": [\"回购股份\"]}\n"
            "]}\n");
  const std::string text =
      "2021年度报告\n"
      "2021年，公司排查隐患46处，均已按期整改完毕。\n"
      "2021年，保护区繁育白鹤12对，较上年有所增加。\n"
      "2021年，公司回购股份8,000股，用于员工激励。\n";
  RunOptions options;
  options.rules_dirs = {dir.path()};
  auto findings = [&](const std::string& sites, const std::string& pairs, const std::string& shares,
                      const std::string& site_unit = "处") {
    std::string path = dir.Write("kpi.csv", "key,value,unit,period\nt.sites," + sites + "," + site_unit +
                                                ",2021\nt.pairs," + pairs + ",对,2021\nt.shares,\"" + shares +
                                                "\",股,2021\n");
    std::vector<KpiRecord> kpis = LoadKpis(path);
    EXPECT_EQ(kpis.size(), 3u);
    std::vector<std::string> out;
    for (const std::string& f : ValueFindings(RunText(text, &kpis, options)))
      if (f.find("[numeric.kpi-mismatch]") != std::string::npos) out.push_back(f);
    return out;
  };
  EXPECT_EQ(findings("46", "12", "8,000"), std::vector<std::string>{});
  std::vector<std::string> sites = findings("45", "12", "8,000");
  ASSERT_EQ(sites.size(), 1u);
  EXPECT_NE(sites[0].find("46处"), std::string::npos) << sites[0];
  std::vector<std::string> pairs = findings("46", "13", "8,000");
  ASSERT_EQ(pairs.size(), 1u);
  EXPECT_NE(pairs[0].find("12对"), std::string::npos) << pairs[0];
  std::vector<std::string> shares = findings("46", "12", "9,000");
  ASSERT_EQ(shares.size(), 1u);
  EXPECT_NE(shares[0].find("8,000股"), std::string::npos) << shares[0];
  EXPECT_EQ(findings("45", "12", "8,000", "个"), std::vector<std::string>{});
}

// Single-number mutations of the sample for the value rules are in mutation_test.cc. yoy-claim has
// none there (the sample never states last year's value beside a claim), so this test adds one.
TEST(ValueRulesMutation, YearOnYearClaimAgainstStatedValues) {
  // The sample states 96万吨 同比增长30% without last year's value: not checkable, so not flagged.
  // Adding last year's figure makes it checkable; a wrong one is caught at the claim.
  std::string base = testing::ReadFile(kSample);
  std::string ok = ReplaceOnLine(base, 2155, "2020年公司销售合金产品96万吨，同",
                                 "上年74万吨，本年96万吨，同比增长30%。");
  EXPECT_EQ(ValueFindings(RunText(ok)), std::vector<std::string>());
  std::string bad = ReplaceOnLine(base, 2155, "2020年公司销售合金产品96万吨，同",
                                  "上年64万吨，本年96万吨，同比增长30%。");
  std::vector<std::string> found = ValueFindings(RunText(bad));
  ASSERT_EQ(found.size(), 1u) << ::testing::PrintToString(found);
  EXPECT_EQ(found[0].substr(0, found[0].find(' ')), "2155:44:");
  EXPECT_NE(found[0].find("(960000 - 640000) / 640000 = +50.00% [numeric.yoy-claim]"),
            std::string::npos)
      << found[0];
}

// LayoutCells reads a cell's end column off the next cell when only spaces lie between them; every
// cell's end column must still be the host's column of the cell's end, whatever lies between cells
// (spaces, a tab, wide characters) and wherever the cell stands in its line.
struct CellEndCheck {
  int cells = 0;
  int multi_cell_lines = 0;
  std::vector<std::string> mismatches;
};
CellEndCheck cell_end_check;

class CellEndProbe : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override {
    const LayoutCells& cells = ctx.Shared<LayoutCells>(doc);
    for (uint32_t li = 0; li < doc.LineCount(); ++li) {
      const esgaudit_line_structure ls = doc.LineStructure(li);
      ASSERT_EQ(cells.line(li).size(), ls.cell_count);
      if (ls.cell_count > 1) ++cell_end_check.multi_cell_lines;
      for (uint32_t k = 0; k < ls.cell_count; ++k) {
        const esgaudit_cell c = doc.Cell(ls.first_cell + k);
        const uint32_t want = std::max(doc.ColumnOf(c.offset + c.length), c.column);
        const LayoutCell& got = cells.line(li)[k];
        ++cell_end_check.cells;
        if (got.col_end != want || got.col_begin != c.column)
          cell_end_check.mismatches.push_back(std::to_string(li + 1) + ":" + std::to_string(k) + " " +
                                              std::to_string(got.col_end) + " != " +
                                              std::to_string(want));
      }
    }
  }
};

TEST(LayoutCellsTest, EndColumnsAreTheHostsColumnsOfTheCellEnds) {
  sdk::Registry registry;
  registry.Add<CellEndProbe>("test.cell-end", ESGAUDIT_INFO, "checks LayoutCells' end columns",
                             "test/cell-end.md");
  cell_end_check = CellEndCheck();
  // Lines past the host's column marks (512 bytes), a CR before the line feed, blanks after the
  // last cell, a page break and a last line without a line feed: a cell ending at its line's end
  // takes the line's width.
  std::string long_row = "排放量（吨）";
  for (int k = 0; k < 60; ++k) long_row += "\t" + std::to_string(1000 + 37 * k) + "吨";
  std::string long_spaced = "Long label";
  for (int k = 0; k < 50; ++k) long_spaced += "    项目" + std::to_string(k) + " 12.5%";
  testing::RunOnText(registry,
                     "主要指标      2021年      2022年      变化\n"
                     "员工总数（人）  1,200   1,350   12.5%\n"
                     "Water use (m3)    4,500    4,100    -8.9%\n"
                     "女性员工\t320\t410\t28%\n"
                     "ｆｕｌｌ ｗｉｄｔｈ   ２０２１   ２０２２\n"
                     "  缩进的标签    7    8    9    10    11    12\n"
                     "一行普通的叙述文字，没有表格。\n" +
                         long_row + "\n" + long_spaced + "\n" +
                         "男性员工\t880\t940\r\n"
                         "用水量   4,500   4,100   \n"
                         "\f研发投入（万元）\t3,200\t3,650\n"
                         "专利（项）\t12\t\t15");
  EXPECT_GE(cell_end_check.multi_cell_lines, 10);
  EXPECT_GE(cell_end_check.cells, 100);
  EXPECT_TRUE(cell_end_check.mismatches.empty()) << cell_end_check.mismatches.front();
}

struct LabelCheck {
  size_t facts = 0, viewed = 0, copied = 0;
  std::vector<std::string> mismatches;
};
LabelCheck label_check;

// ValueFacts' labels are the host's texts without spaces (the label less its leading scope words):
// views of the host's texts where there was no space to remove, copies ValueFacts keeps otherwise.
class LabelProbe : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override {
    const ValueFacts& vf = ctx.Shared<ValueFacts>(doc);
    ASSERT_EQ(vf.facts().size(), doc.FactCount());
    for (const ValueFact& v : vf.facts()) {
      const esgaudit_fact& f = doc.Fact(v.index);
      ++label_check.facts;
      const std::string label = WithoutSpaces(sdk::View(f.label));
      const std::string column_label = WithoutSpaces(sdk::View(f.column_label));
      if (v.column_label != column_label || label.size() < v.label.size() ||
          label.compare(label.size() - v.label.size(), v.label.size(), v.label) != 0 ||
          (v.label.empty() && !label.empty() && label != "公司" && label != "集团")) {
        label_check.mismatches.push_back(label + " | " + std::string(v.label));
      }
      for (int k = 0; k < 2; ++k) {
        const std::string_view t = k == 0 ? v.label : v.column_label;
        const std::string_view host = sdk::View(k == 0 ? f.label : f.column_label);
        if (t.empty()) continue;
        const bool inside = t.data() >= host.data() && t.data() + t.size() <= host.data() + host.size();
        ++(inside ? label_check.viewed : label_check.copied);
        if (!inside && host.find(' ') == std::string_view::npos && host.find('\t') == std::string_view::npos)
          label_check.mismatches.push_back("copied without a space: " + std::string(host));
      }
    }
  }
};

TEST(ValueFactsText, LabelsAreTheHostsTextsWithoutSpaces) {
  sdk::Registry registry;
  registry.Add<LabelProbe>("test.labels", ESGAUDIT_INFO, "checks ValueFacts' labels", "test/labels.md");
  label_check = LabelCheck();
  testing::RunOnText(registry,
                     "本公司员工总数12375人，其中女 性 员 工3000人。\n"
                     "Total employees 1,234 people\n"
                     "指标\t2022年\t2023年\n员工 人数\t1,200人\t1,350人\n研发投入\t3.5亿元\t4亿元\n"
                     "主要指标      2021年      2022年\n员工总数（人）  1,200   1,350\nWater use (m3)    4,500    4,100\n");
  EXPECT_GE(label_check.facts, 10u);
  EXPECT_GT(label_check.viewed, 0u);
  EXPECT_GT(label_check.copied, 0u);
  EXPECT_TRUE(label_check.mismatches.empty()) << label_check.mismatches.front();
}

// YearlyTables reads each table's header years and first-column years from the host's cells one at a
// time, placed as a grid of the table places them: the same rows and years as reading the grid
// (sdk::TableGrid) did, spanned cells included — a header cell spanning columns names its first
// column only, one spanning rows names each row.
struct YearlyTablesCheck {
  int tables = 0;
  int with_years = 0;
  std::vector<std::string> mismatches;
};
YearlyTablesCheck yearly_check;

class YearlyTablesProbe : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override {
    const YearlyTables& yearly = ctx.Shared<YearlyTables>(doc);
    for (uint32_t t = 0; t < doc.TableCount(); ++t) {
      const sdk::TableGrid grid(doc, doc.Table(t));
      YearlyTable want;
      for (uint32_t h = 0; h < std::min<uint32_t>(3, grid.Rows()); ++h) {
        std::vector<std::pair<uint32_t, int>> here;
        for (uint32_t c = 1; c < grid.Cols(); ++c) {
          const esgaudit_table_cell* cell = grid.At(h, c);
          if (cell == nullptr || cell->column != c) continue;
          if (const int y = HeaderYear(grid.Text(*cell)); y > 0) here.push_back({c, y});
        }
        if (here.size() > want.across.size()) {
          want.header_row = h;
          want.across = here;
        }
      }
      for (uint32_t r = 1; r < grid.Rows(); ++r) {
        const esgaudit_table_cell* cell = grid.At(r, 0);
        if (const int y = cell == nullptr ? 0 : HeaderYear(grid.Text(*cell)); y > 0) want.down.push_back({r, y});
      }
      const YearlyTable* got = nullptr;
      for (const YearlyTable& y : yearly.tables()) got = y.table == t ? &y : got;
      ++yearly_check.tables;
      if (!want.across.empty() || !want.down.empty()) ++yearly_check.with_years;
      const std::string at = "table " + std::to_string(t);
      if (got == nullptr) {
        if (!want.across.empty() || !want.down.empty()) yearly_check.mismatches.push_back(at + ": missing");
        continue;
      }
      if (got->across != want.across || (!want.across.empty() && got->header_row != want.header_row)) {
        yearly_check.mismatches.push_back(at + ": header");
      }
      if (got->down != want.down) yearly_check.mismatches.push_back(at + ": first column");
    }
  }
};

// A header year after the blanks WithoutSpaces drops (U+3000 among them), with FY before it or 年, 年度,
// 年末, 年底 after it; cells opening otherwise are no year, read or not.
TEST(ValueRulesText, AHeaderYearIsReadAfterAnyBlank) {
  EXPECT_EQ(HeaderYear("2016年"), 2016);
  EXPECT_EQ(HeaderYear(" \t\u30002016 年度"), 2016);
  EXPECT_EQ(HeaderYear("FY2021"), 2021);
  EXPECT_EQ(HeaderYear("\u3000FY 2022"), 2022);
  EXPECT_EQ(HeaderYear("1995年末"), 1995);
  EXPECT_EQ(HeaderYear("营业收入"), 0);
  EXPECT_EQ(HeaderYear("3016"), 0);
  EXPECT_EQ(HeaderYear("2016年1月"), 0);
  EXPECT_EQ(HeaderYear(""), 0);
  EXPECT_EQ(HeaderYear("\u3000"), 0);
}

TEST(ValueRulesText, YearlyTablesReadTheCellsAsTheirGridPlacesThem) {
  sdk::Registry registry;
  registry.Add<YearlyTablesProbe>("test.yearly-tables", ESGAUDIT_INFO, "checks YearlyTables", "test/yearly-tables.md");
  yearly_check = YearlyTablesCheck();
  testing::RunOnText(registry,
                     "指标\t单位\t2021年\t2022年\t2023年\n"
                     "员工总数\t人\t1,200\t1,310\t1,400\n"
                     "男性员工\t人\t700\t760\t800\n"
                     "\n说明文字一段。\n\n"
                     "<table><tr><td>指标</td><td colspan=\"2\">2016年</td><td>2015年</td><td>2014年</td></tr>\n"
                     "<tr><td>营业收入</td><td>亿元</td><td>12</td><td>11</td><td>10</td></tr></table>\n"
                     "\n另一段说明文字。\n\n"
                     "<table><tr><td>年份</td><td>员工</td><td>女性</td></tr>\n"
                     "<tr><td rowspan=\"2\">2016年</td><td>7</td><td>3</td></tr>"
                     "<tr><td>8</td><td>4</td></tr><tr><td>2017年</td><td>9</td><td>5</td></tr></table>\n"
                     "\n第三段说明文字。\n\n"
                     "| 年份 | 人数 |\n|---|---|\n| 2020 | 10 |\n| 2021 | 12 |\n| 2022 | 15 |\n");
  EXPECT_GE(yearly_check.tables, 4);
  EXPECT_GE(yearly_check.with_years, 4);
  EXPECT_TRUE(yearly_check.mismatches.empty()) << ::testing::PrintToString(yearly_check.mismatches);
}

}  // namespace
}  // namespace esgaudit::numeric

namespace esgaudit::numeric {
namespace {

using testing::Draw;

// LastCodePoints keeps a running count; the reference drops a code point from the front and
// counts again, as ValueFacts did. They must agree on any text, broken UTF-8 included (stray
// continuation bytes, which DecodeAt takes one by one and CodePoints does not count; a lead
// byte cut off; an overlong form; a 4-byte character; full-width digits beside ASCII and Han).
// ValueFacts keeps one ValueFact per fact of the document for the whole audit: its fields are
// ordered so that none leaves padding, and its labels are views (216 bytes with the fields in the
// order of first reading and the labels as strings).
TEST(ValueFactsText, AValueFactLeavesNoPadding) {
  EXPECT_EQ(sizeof(ValueFact), 4 + 4 + sizeof(void*) + 7 * sizeof(std::string_view) + 3 * sizeof(uint64_t) +
                                   sizeof(int) + 2 * sizeof(bool) + 2);
}

TEST(ValueFactsText, LastCodePointsDropsTheFrontAsTheCountingLoopDid) {
  auto reference = [](std::string before, size_t n) {
    while (CodePoints(before) > n) {
      size_t next;
      DecodeAt(before, 0, &next);
      before.erase(0, next);
    }
    return before;
  };
  const std::vector<std::string> pieces = {"a", "7", " ", "员", "工", "１", "２", "％", "😀", "\x80",
                                           "\xBF\xBF", "\xE3", "\xE3\x80", "\xE0\x80\x80", "\xF0\x9F", "é"};
  Draw next(777);
  size_t shortened = 0;
  for (int k = 0; k < 2000; ++k) {
    std::string text;
    const uint32_t parts = next(70);
    for (uint32_t i = 0; i < parts; ++i) text += pieces[next(static_cast<uint32_t>(pieces.size()))];
    for (size_t n : {size_t{0}, size_t{1}, size_t{5}, size_t{24}, size_t{40}}) {
      const std::string want = reference(text, n);
      ASSERT_EQ(LastCodePoints(text, n), want) << k << " " << n;
      shortened += want.size() < text.size();
    }
  }
  EXPECT_GT(shortened, 3000u);
  EXPECT_EQ(LastCodePoints("一二三四五", 2), "四五");
  EXPECT_EQ(LastCodePoints("\x80\x80" "ab", 1), "b");
  EXPECT_EQ(LastCodePoints("", 0), "");
}

// ClauseStart reads ASCII and the common three-byte sequences where they end and passes Han
// characters without the stop tests; the reference is the walk ValueFacts made (PrevStart, DecodeAt
// and both stop tests at every code point). Random texts of ASCII, line ends, form feeds, stops of
// both kinds, digits, Han, other three-byte forms (E0, ED and EE leads), four-byte characters and
// broken UTF-8 (stray continuation bytes, cut sequences), from every offset, long enough to reach
// the limit of 60.
TEST(ValueFactsText, ClauseStartIsTheCodePointWalk) {
  auto reference = [](std::string_view view, size_t begin, size_t* label_begin) {
    size_t b = begin;
    *label_begin = std::string_view::npos;
    size_t count = 0;
    while (b > 0 && count < 60) {
      size_t p = PrevStart(view, b);
      size_t next;
      char32_t c = DecodeAt(view, p, &next);
      if (c == '\n' || c == '\f' || IsClauseStop(c)) break;
      if (*label_begin == std::string_view::npos && IsLabelStop(c)) *label_begin = b;
      b = p;
      ++count;
    }
    if (*label_begin == std::string_view::npos) *label_begin = b;
    return b;
  };
  const std::vector<std::string> pieces = {
      "a", "7", " ", "\n", "\f", ",", "%", "员", "工", "总", "数", "一", "龥", "㐀", "，", "。", "；", "、", "（",
      "●", "•", "·", "１", "％", "\xE0\xA4\x95", "\xED\x9F\xBF", "\xEE\x80\x80", "\xEF\xBC\x8C", "😀",
      "\x80", "\xBF\xBF", "\xE3", "\xE3\x80", "\xE5\x91", "\xF0\x9F", "é", "\xC3"};
  Draw next(4242);
  size_t at_limit = 0, labelled = 0;
  for (int k = 0; k < 1500; ++k) {
    std::string text;
    const uint32_t parts = next(120);
    // Mostly Han with a few others, or any mix.
    const bool han = next(2) == 0;
    for (uint32_t i = 0; i < parts; ++i) {
      text += han && next(4) != 0 ? pieces[7 + next(6)] : pieces[next(static_cast<uint32_t>(pieces.size()))];
    }
    for (size_t begin = 0; begin <= text.size(); ++begin) {
      size_t want_label = 0, got_label = 0;
      const size_t want = reference(text, begin, &want_label);
      ASSERT_EQ(ClauseStart(text, begin, &got_label), want) << k << " " << begin;
      ASSERT_EQ(got_label, want_label) << k << " " << begin;
      at_limit += want > 0 && CodePoints(std::string_view(text).substr(want, begin - want)) >= 60;
      labelled += want_label != want;
    }
  }
  EXPECT_GT(at_limit, 1000u);
  EXPECT_GT(labelled, 10000u);
}

// HasHan passes ASCII words and decodes the rest inline; the reference is the code point walk the rate
// rule made (DecodeAt and IsCjk at every code point). Random texts of long ASCII runs, Han of every
// range IsCjk holds and its edges, other three- and four-byte forms and broken UTF-8 (stray
// continuation bytes, cut sequences), at every offset and length.
TEST(ValueFactsText, HasHanIsTheCodePointWalk) {
  auto reference = [](std::string_view s) {
    for (size_t i = 0; i < s.size();) {
      size_t next;
      if (IsCjk(DecodeAt(s, i, &next))) return true;
      i = next;
    }
    return false;
  };
  const std::vector<std::string> pieces = {
      "a", "Rate of 100% ", "0123456789abcdef", " ", "\n", "员", "\xE4\xB8\x80" /* 一 */, "\xE9\xBF\xBF" /* 鿿 */,
      "\xE3\x90\x80" /* 㐀 */, "\xE4\xB6\xBF" /* 䶿 */, "\xE4\xB7\x80" /* ䷀: no Han */, "\xEF\xA4\x80" /* 豈 */,
      "\xF0\xA0\x80\x80" /* U+20000 */, "\xF0\x9F\x98\x80", "，", "％", "é", "\x80", "\xBF\xBF", "\xE4", "\xE4\xB8",
      "\xF0\xA0\x80", "\xED\xA0\x80"};
  Draw next(5150);
  size_t han = 0, checked = 0;
  for (int k = 0; k < 1500; ++k) {
    std::string text;
    const uint32_t parts = next(40);
    const bool ascii_mostly = next(2) == 0;
    for (uint32_t i = 0; i < parts; ++i) {
      text += ascii_mostly && next(8) != 0 ? pieces[next(3)] : pieces[next(static_cast<uint32_t>(pieces.size()))];
    }
    for (size_t from = 0; from < text.size(); from += 1 + next(5)) {
      for (size_t len : {text.size() - from, size_t{7}, size_t{9}, size_t{17}}) {
        const std::string_view piece = std::string_view(text).substr(from, len);
        const bool want = reference(piece);
        ASSERT_EQ(HasHan(piece), want) << k << " " << from << " " << len;
        han += want;
        ++checked;
      }
    }
  }
  EXPECT_GT(han, checked / 5);
  EXPECT_LT(han, checked * 4 / 5);
}

// EndsWith tests the last byte before the compare: the same answer as the compare on suffixes
// longer than the text, empty ones, and ones ending like the text but differing before.
TEST(ValueFactsText, EndsWithIsTheSuffixCompare) {
  const std::vector<std::string> texts = {"", "a", "覆盖率达到了", "率", "了了", "ab了", "\x80", "100%"};
  const std::vector<std::string> suffixes = {"", "了", "达到了", "到了", "b了", "a", "覆盖率达到了了", "%", "\x80"};
  size_t yes = 0;
  for (const std::string& t : texts) {
    for (const std::string& w : suffixes) {
      const bool want = t.size() >= w.size() && t.compare(t.size() - w.size(), w.size(), w) == 0;
      EXPECT_EQ(EndsWith(t, w), want) << t << " / " << w;
      yes += want;
    }
  }
  EXPECT_EQ(yes, 17u);
}

// The stop tests are switches; the reference is the search of the stop lists ValueFacts made
// before. Every code point (and a few values past U+10FFFF) gets the same answer.
TEST(ValueFactsText, StopsAreTheStopListsSearched) {
  const std::u32string_view label_stops = U"，,。；;：:、()（）【】[]《》“”\"!?！？|/·•●◆■";
  const std::u32string_view clause_stops = U"。；;！？!?●◆■•";
  size_t labels = 0, clauses = 0;
  for (char32_t c = 0; c < 0x110000 + 64; ++c) {
    const bool label = label_stops.find(c) != std::u32string_view::npos || (c >= '0' && c <= '9') || c == '%';
    const bool clause = clause_stops.find(c) != std::u32string_view::npos;
    ASSERT_EQ(IsLabelStop(c), label) << static_cast<uint32_t>(c);
    ASSERT_EQ(IsClauseStop(c), clause) << static_cast<uint32_t>(c);
    labels += label;
    clauses += clause;
  }
  EXPECT_EQ(labels, 43u);  // 32 listed, 10 digits and %
  EXPECT_EQ(clauses, 11u);
  // Near misses: a full-width digit, the ideographic full stop's neighbours, a period, a hyphen.
  for (char32_t c : {U'１', U'〃', U'〄', U'.', U'-', U'・', U'○', U'◇', U'□', U'％'}) {
    EXPECT_FALSE(IsLabelStop(c)) << static_cast<uint32_t>(c);
    EXPECT_FALSE(IsClauseStop(c)) << static_cast<uint32_t>(c);
  }
}

// AppendWithoutBlanks writes in place; the reference is the byte loop LayoutCells ran. Random texts of
// blanks (space, tab), other white space that stays (newline, the ideographic space, a no-break
// space), ASCII, Han and broken UTF-8, appended to an empty and to a non-empty string.
TEST(ValueFactsText, AppendWithoutBlanksDropsSpacesAndTabsOnly) {
  const std::vector<std::string> pieces = {" ", "  ", "\t", "\n", "\r", "\xE3\x80\x80", "\xC2\xA0", "a", "7.5",
                                           "员工", "％", "\x80", "\xE3", "\x20\x09\x20", "", "x y"};
  Draw next(4242);
  size_t dropped = 0;
  for (int k = 0; k < 5000; ++k) {
    std::string text;
    const uint32_t parts = next(30);
    for (uint32_t i = 0; i < parts; ++i) text += pieces[next(static_cast<uint32_t>(pieces.size()))];
    const std::string prefix = k % 2 == 0 ? std::string() : pieces[next(static_cast<uint32_t>(pieces.size()))];
    std::string want = prefix;
    for (char ch : text) {
      if (ch != ' ' && ch != '\t') want.push_back(ch);
    }
    std::string got = prefix;
    AppendWithoutBlanks(text, &got);
    ASSERT_EQ(got, want) << k;
    dropped += text.size() + prefix.size() - want.size();
  }
  EXPECT_GT(dropped, 10000u);
  // Runs of eight bytes and more (passed over eight at a time) with a blank at every place in them,
  // and bytes next to a space's and a tab's (0x1F, 0x21, 0x08, 0x0A, 0xA0, 0x89, 0x00) that a test of
  // eight bytes at a time must not take for blanks.
  const std::vector<std::string> runs = {"abcdefgh", "abcdefghijklmnopq", "员工总数合计人", "\x21\x1F\x08\x0A\xA0\x89",
                                         std::string("\x00\x21\x00\x08", 4), "1,234,567.89", " ", "\t", "  \t "};
  for (int k = 0; k < 5000; ++k) {
    std::string text;
    const uint32_t parts = next(12);
    for (uint32_t i = 0; i < parts; ++i) text += runs[next(static_cast<uint32_t>(runs.size()))];
    if (!text.empty() && next(2) == 0) text[next(static_cast<uint32_t>(text.size()))] = next(2) == 0 ? ' ' : '\t';
    std::string want = "kept";
    for (char ch : text) {
      if (ch != ' ' && ch != '\t') want.push_back(ch);
    }
    std::string got = "kept";
    AppendWithoutBlanks(text, &got);
    ASSERT_EQ(got, want) << k;
  }
  // One string appended to again and again (as LayoutCells writes every cell into one): what it
  // held, then each text without its blanks, whatever its length and the storage it had grown to.
  std::string all, all_want;
  for (int k = 0; k < 3000; ++k) {
    std::string text;
    const uint32_t parts = next(20);
    for (uint32_t i = 0; i < parts; ++i) text += runs[next(static_cast<uint32_t>(runs.size()))];
    for (char ch : text) {
      if (ch != ' ' && ch != '\t') all_want.push_back(ch);
    }
    AppendWithoutBlanks(text, &all);
    ASSERT_EQ(all, all_want) << k;
  }
  std::string out = "a";
  AppendWithoutBlanks(" 合 计\t 12\xE3\x80\x80\n", &out);
  EXPECT_EQ(out, "a合计12\xE3\x80\x80\n");
}

// EnglishNotCapped reads the clause once; the reference searches a lower-cased copy once per word.
// Random clauses of the list's words in any case, words holding them not at their start (coverage,
// moreover, shareholder-return), their prefixes cut short (targ, increas), digits, punctuation and
// UTF-8 bytes before them (a byte >= 0x80 is no letter).
TEST(ValueFactsText, EnglishNotCappedAgreesWithTheSearch) {
  const std::vector<std::string> pieces = {
      "target", "Goal", "PLAN", "budget", "increase", "growth", "change", "reduction", "Improved", "compared",
      "relative", "than", "above", "over", "exceed", "ratio", "forecast", "return", "yield", "coverage",
      "moreover", "shareholder", "Overall", "targ", "increas", "rati", "plant", "a", "rate", "of", " ", "  ",
      ",", "-", "3", "(", "\xE2\x80\x99", "\xC3\xA9", "员工", "\x80", "'s", "_"};
  Draw next(99);
  size_t yes = 0;
  for (int k = 0; k < 20000; ++k) {
    std::string clause;
    const uint32_t parts = next(8);
    for (uint32_t i = 0; i < parts; ++i) clause += pieces[next(static_cast<uint32_t>(pieces.size()))];
    const bool want = EnglishNotCappedBySearch(clause);
    ASSERT_EQ(EnglishNotCapped(clause), want) << clause;
    yes += want;
  }
  EXPECT_GT(yes, 3000u);
  EXPECT_LT(yes, 17000u);
  EXPECT_TRUE(EnglishNotCapped("the Target was"));
  EXPECT_TRUE(EnglishNotCapped("-over"));
  EXPECT_TRUE(EnglishNotCapped("\xC3\xA9over"));  // é is no ASCII letter
  EXPECT_FALSE(EnglishNotCapped("coverage rate"));
  EXPECT_FALSE(EnglishNotCapped("shareholders yearly"));
  EXPECT_TRUE(EnglishNotCapped("shareholders yielded"));
  EXPECT_FALSE(EnglishNotCapped("targ"));
  EXPECT_FALSE(EnglishNotCapped(""));
}

// CappedRateAtEnd asks for 占 only of a label ending with 的 or 比例; the reference searches every
// label for it, as the rule did. Random labels of the rule's rates, financial ratios, 占 before
// bases naming a whole or not, the endings 的 / 比例 / 的比例 cut short (比, a lone 例), linking
// words, punctuation, ASCII and bytes of a broken sequence.
TEST(ValueFactsText, CappedRateAtEndSeeksAShareOnlyInALabelEndingAsOne) {
  auto reference = [](std::string_view label) -> std::string {
    static constexpr std::string_view kRates[] = {
        "达标率", "覆盖率", "签订率", "签约率", "合格率", "处置率", "整改完成率", "整改率",
        "占比",   "比重",   "参保率", "体检率", "持证率", "普及率", "受训率",     "及时率",
        "准确率", "满意率", "满意度", "通过率", "出勤率", "到位率", "上岗率",     "投保率",
        "缴纳率", "知晓率", "接种率", "落实率", "完好率", "闭环率", "销号率",     "办结率",
        "结案率", "回复率", "响应率", "公开率", "披露率", "参与率", "安置率",     "达成率",
        "检测率", "监测率", "留存率", "保留率", "就业率", "缴存率"};
    static constexpr std::string_view kLinks[] = {
        "分别达到", "分别为", "分别达", "均达到", "均保持", "均为",   "均达", "提升至", "提高至",
        "上升至",   "增至",   "增长至", "保持在", "保持",   "维持在", "维持", "达到了", "达到",
        "已达",     "为",     "达",     "是",     "约",     "近",     "超",   "实现",   "继续",
        "稳定在",   "高达",   "：",     ":",      " ",      "\t"};
    static constexpr std::string_view kFinancial[] = {"拨备覆盖率", "准备覆盖率", "流动性覆盖率",
                                                      "利息覆盖率", "偿债覆盖率", "保障覆盖率"};
    const std::string s = StripTrailing(std::string(label), kLinks, 1);
    for (std::string_view f : kFinancial) {
      if (EndsWith(s, f)) return "";
    }
    for (std::string_view r : kRates) {
      if (EndsWith(s, r)) return std::string(r);
    }
    const size_t at = s.rfind("占");
    if (at == std::string::npos) return "";
    std::string_view tail = std::string_view(s).substr(at);
    std::string_view base = tail.substr(3);
    for (std::string_view end : {"的比例", "的", "比例"}) {
      if (EndsWith(base, end)) {
        base.remove_suffix(end.size());
        break;
      }
    }
    if (base.size() == tail.size() - 3 || base.empty() || base.size() > 36) return "";
    if (std::any_of(base.begin(), base.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return "";
    if (base.find("，") != std::string_view::npos || base.find("、") != std::string_view::npos ||
        base.find("（") != std::string_view::npos) {
      return "";
    }
    for (std::string_view whole : {"总", "全部", "全体", "所有"}) {
      if (base.find(whole) != std::string_view::npos) return std::string(tail);
    }
    return "";
  };
  const std::vector<std::string> pieces = {
      "占", "占", "占", "总", "全部", "全体", "所有", "员工", "股本", "净利润", "的", "的", "比例", "比", "例",
      "覆盖率", "拨备覆盖率", "满意度", "占比", "为", "达到", "：", " ", "，", "、", "（", "a", "7", "\xE5\x8D",
      "\xA0", "女性"};
  Draw next(2718);
  size_t shares = 0, rates = 0;
  for (int k = 0; k < 30000; ++k) {
    std::string label;
    const uint32_t parts = next(9);
    for (uint32_t i = 0; i < parts; ++i) label += pieces[next(static_cast<uint32_t>(pieces.size()))];
    const std::string want = reference(label);
    ASSERT_EQ(CappedRateAtEnd(label), want) << label;
    if (want.rfind("占", 0) == 0 && want != "占比") ++shares;
    if (!want.empty()) ++rates;
  }
  EXPECT_GT(shares, 80u);
  EXPECT_GT(rates, 2000u);
  EXPECT_EQ(CappedRateAtEnd("女性员工占员工总数的比例为"), "占员工总数的比例");
  EXPECT_EQ(CappedRateAtEnd("占总股本的"), "占总股本的");
  EXPECT_EQ(CappedRateAtEnd("占总股本的比"), "");
  EXPECT_EQ(CappedRateAtEnd("占净利润的"), "");
  EXPECT_EQ(CappedRateAtEnd("培训覆盖率达到"), "覆盖率");
  EXPECT_EQ(CappedRateAtEnd("拨备覆盖率"), "");
  EXPECT_EQ(CappedRateAtEnd("占全部员工"), "");
}

// WithoutSpaces copies byte runs; the reference decodes each code point with DecodeAt and keeps
// those other than a space, a tab or U+3000, as ValueFacts did. Random texts with the ideographic
// space cut short, after a lone lead byte or a stray continuation byte, overlong, and beside its
// neighbours U+3001 and U+2000 (E2 80 80).
TEST(ValueFactsText, WithoutSpacesDropsTheBlanksDecodeAtReads) {
  auto reference = [](std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size();) {
      size_t next;
      const char32_t c = DecodeAt(s, i, &next);
      if (c != ' ' && c != '\t' && c != 0x3000) out.append(s.substr(i, next - i));
      i = next;
    }
    return out;
  };
  const std::vector<std::string> pieces = {" ", "\t", "\xE3\x80\x80", "\xE3\x80", "\xE3", "\x80", "\x80\x80",
                                           "\xE3\x80\x81", "\xE2\x80\x80", "\xE0\x80\x80", "\xF0\x9F\x98\x80",
                                           "\xF0\xE3\x80\x80", "\xC3", "a", "7", "员工", "\n", "\xC2\xA0"};
  Draw next(31337);
  size_t dropped = 0;
  for (int k = 0; k < 20000; ++k) {
    std::string text;
    const uint32_t parts = next(20);
    for (uint32_t i = 0; i < parts; ++i) text += pieces[next(static_cast<uint32_t>(pieces.size()))];
    const std::string want = reference(text);
    ASSERT_EQ(WithoutSpaces(text), want) << k;
    dropped += text.size() - want.size();
  }
  EXPECT_GT(dropped, 30000u);
  std::string kept = "a longer text the buffer held before";
  kept.clear();
  AppendWithoutSpaces("员工\xE3\x80\x80总数 \t12", &kept);
  AppendWithoutSpaces(" 人", &kept);
  EXPECT_EQ(kept, "员工总数12人");
  EXPECT_EQ(WithoutSpaces("员工\xE3\x80\x80总数 \t12"), "员工总数12");
  EXPECT_EQ(WithoutSpaces("\xE3\x80"), "\xE3\x80");
  EXPECT_EQ(WithoutSpaces(""), "");
}

}  // namespace

struct LayoutCellsPeer {
  static const std::vector<LayoutCell>& cells(const LayoutCells& c) { return c.cells_; }
};

namespace {

// LayoutCells keeps every line's cells in one list and their texts in one string, a line a range of
// the list and a cell's text a view of the string: each line must still hold exactly the host's
// cells of that line, in order, each with its own text without spaces and tabs (the byte loop
// written out here), its code point count and its view span; lines without cells and lines past
// the last are empty.
struct CellTextCheck {
  int cells = 0;
  int empty_lines = 0;
  std::vector<std::string> mismatches;
};
CellTextCheck cell_text_check;

class CellTextProbe : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override {
    const LayoutCells& cells = ctx.Shared<LayoutCells>(doc);
    auto miss = [](uint32_t li, size_t k, const std::string& what) {
      cell_text_check.mismatches.push_back(std::to_string(li + 1) + ":" + std::to_string(k) + " " + what);
    };
    if (cells.line_count() != doc.LineCount()) miss(0, 0, "line count");
    for (uint32_t li = 0; li < doc.LineCount(); ++li) {
      const esgaudit_line_structure ls = doc.LineStructure(li);
      const auto line = cells.line(li);
      if (line.size() != ls.cell_count) {
        miss(li, 0, "cell count " + std::to_string(line.size()));
        continue;
      }
      if (ls.cell_count == 0) ++cell_text_check.empty_lines;
      for (uint32_t k = 0; k < ls.cell_count; ++k) {
        const esgaudit_cell c = doc.Cell(ls.first_cell + k);
        std::string want;
        for (char ch : doc.CellView(c)) {
          if (ch != ' ' && ch != '\t') want.push_back(ch);
        }
        const LayoutCell& got = line[k];
        ++cell_text_check.cells;
        if (got.text != want) miss(li, k, "text [" + std::string(got.text) + "] != [" + want + "]");
        if (got.code_points != sdk::CodePointCount(want)) miss(li, k, "code points");
        if (got.line != li || got.view_begin != c.view_begin || got.view_end != c.view_end) miss(li, k, "span");
        if (cells.At(li, c.view_begin) != &got) miss(li, k, "At");
      }
    }
    if (!cells.line(doc.LineCount()).empty() || !cells.line(doc.LineCount() + 5).empty()) {
      miss(doc.LineCount(), 0, "past the last line");
    }
    // The list is reserved to the model's cell count: no room past its cells.
    const std::vector<LayoutCell>& all = LayoutCellsPeer::cells(cells);
    if (all.capacity() != all.size()) miss(doc.LineCount(), 0, "room past the cells");
  }
};

TEST(LayoutCellsTest, ALayoutCellLeavesNoPadding) {
  EXPECT_EQ(sizeof(LayoutCell), 4 * sizeof(uint32_t) + 2 * sizeof(uint64_t) + sizeof(std::string_view) + sizeof(size_t));
}

TEST(LayoutCellsTest, EachLineHoldsTheHostsCellsWithTheirTextsWithoutBlanks) {
  sdk::Registry registry;
  registry.Add<CellTextProbe>("test.cell-text", ESGAUDIT_INFO, "checks LayoutCells' cells and texts",
                              "test/cell-text.md");
  cell_text_check = CellTextCheck();
  // Many cells on one line (the list grows while the texts are written), blank lines between
  // tables, letter-spaced labels, tabs, an empty cell between tabs, a line of prose.
  std::string wide = "分项";
  for (int k = 0; k < 40; ++k) wide += "    项 目" + std::to_string(k) + "  " + std::to_string(10 * k + 3) + " 吨";
  testing::RunOnText(registry,
                     "主要指标      2021年      2022年      变化\n"
                     "员 工 总 数（人）  1,200   1,350   12.5%\n"
                     "\n"
                     "Water use (m3)    4,500    4,100    -8.9%\n"
                     "女性员工\t320\t\t28%\n"
                     "一行普通的叙述文字，没有表格。\n"
                     "\n" +
                         wide + "\n" +
                         "专利（项）\t12\t15");
  EXPECT_GE(cell_text_check.cells, 80);
  EXPECT_GE(cell_text_check.empty_lines, 2);
  EXPECT_TRUE(cell_text_check.mismatches.empty()) << cell_text_check.mismatches.front();
}

// ValueFacts makes a fact's label without spaces in one buffer kept from fact to fact, drops its
// scope words as a view, and keeps `lead`, `after`, `before` and `clause` as views of the matching
// view: each label must be the copy without spaces less its scope words (the erase loop ValueFacts
// ran, written out here), label_is_before the same test of `before`, and each view the text beside
// the fact in the matching view.
struct FactTextCheck {
  int facts = 0;
  int scoped = 0;        // labels that lost scope words
  int label_before = 0;  // facts whose label is all the text before them
  std::vector<std::string> mismatches;
};
FactTextCheck fact_text_check;

std::string DropScopeByErasing(std::string s) {
  static const char* const kScope[] = {"报告期内", "本报告期", "本年度", "全年", "年内", "本年",
                                       "全公司", "本公司", "公司", "集团", "累计共", "共"};
  for (bool again = true; again;) {
    again = false;
    for (const char* w : kScope) {
      const std::string_view p(w);
      if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
        s.erase(0, p.size());
        again = true;
      }
    }
  }
  return s;
}

class FactTextProbe : public sdk::Rule {
 public:
  void Check(const sdk::Document& doc, const sdk::Context& ctx) override {
    const ValueFacts& facts = ctx.Shared<ValueFacts>(doc);
    const std::string_view view = doc.MatchView();
    auto in_view = [&](std::string_view part, uint64_t begin, uint64_t end) {
      return part.data() >= view.data() && part.data() + part.size() <= view.data() + view.size() &&
             (begin == UINT64_MAX || part.data() == view.data() + begin) &&
             (end == UINT64_MAX || part.data() + part.size() == view.data() + end);
    };
    for (const ValueFact& v : facts.facts()) {
      ++fact_text_check.facts;
      const std::string bare = WithoutSpaces(sdk::View(v.fact->label));
      const std::string label = DropScopeByErasing(bare);
      fact_text_check.scoped += label.size() < bare.size();
      const std::string at = std::to_string(v.line + 1) + " [" + label + "] ";
      if (v.label != label) fact_text_check.mismatches.push_back(at + "label [" + std::string(v.label) + "]");
      const bool before = !label.empty() && DropScopeByErasing(WithoutSpaces(v.before)) == label;
      fact_text_check.label_before += before;
      if (v.label_is_before != before) fact_text_check.mismatches.push_back(at + "label_is_before");
      if (!in_view(v.clause, UINT64_MAX, v.view_begin) || !in_view(v.before, UINT64_MAX, v.view_begin) ||
          !in_view(v.lead, UINT64_MAX, v.view_begin) || !in_view(v.after, v.view_end, UINT64_MAX) ||
          v.before.size() > v.clause.size()) {
        fact_text_check.mismatches.push_back(at + "views");
      }
    }
  }
};

TEST(ValueFactsTest, LabelsLoseSpacesAndScopeWordsAndTheTextsBesideAFactAreViewsOfIt) {
  sdk::Registry registry;
  registry.Add<FactTextProbe>("test.fact-text", ESGAUDIT_INFO, "checks ValueFacts' labels and texts",
                              "test/fact-text.md");
  fact_text_check = FactTextCheck();
  testing::RunOnText(registry,
                     "公司员工总数12375人，女性员工4,200人。\n"
                     "报告期内全年累计共培训3,200人次；本公司 员 工 总 数　12,375 人。\n"
                     "集团公司 用水量 4,500 吨，全年 召开9次董事会。\n"
                     "\n"
                     "指标              2021年      2022年\n"
                     "本年度员工总数      1,200       1,350\n"
                     "共计 捐赠金额（万元）    320     410\n"
                     "The company employed 12,375 people in 2022, 34% of them women.\n");
  EXPECT_GE(fact_text_check.facts, 12);
  EXPECT_GE(fact_text_check.scoped, 2);
  EXPECT_GE(fact_text_check.label_before, 1);
  EXPECT_TRUE(fact_text_check.mismatches.empty()) << fact_text_check.mismatches.front();
}

// The findings of `rule` on `text` checked in `lang`, each written by `format`.
template <typename Format>
std::vector<std::string> RuleFindings(const std::string& text, const std::string& rule, const std::string& lang,
                                      Format format) {
  RunOptions options;
  options.lang = lang;
  std::vector<std::string> out;
  for (const Finding& f : RunText(text, nullptr, options).findings) {
    if (f.rule == rule) out.push_back(format(f));
  }
  return out;
}

// numeric.yearly-slip's findings, "line:col: message" without the notes.
std::vector<std::string> YearlySlips(const std::string& text, const std::string& lang = "zh") {
  return RuleFindings(text, "numeric.yearly-slip", lang, [](const Finding& f) {
    return std::to_string(f.location.line) + ":" + std::to_string(f.location.column) + ": " + f.message;
  });
}

// A yearly table's figure 10^k times its row's other years, which agree, is a warning; rows that move
// freely (growth rates, small counts, years far apart) and a whole column apart are not.
TEST(ValueRulesText, AYearlyFigureTenTimesItsOtherYearsIsASlip) {
  const std::string table =
      "关键绩效表\n"
      "\n"
      "绩效指标\t单位\t2014\t2015\t2016\n"
      "发电量\t亿千瓦时\t1888\t1697\t1725\n"
      "上网电量\t亿千瓦时\t1786\t1608\t1635\n"
      "员工总数\t人\t4014\t3675\t3812\n"
      "安全事故\t起\t1\t1\t1\n"
      "营业收入增长率\t%\t5.1\t6.2\t5.2\n"
      "资产总额\t亿元\t3024\t3034\t2332\n"
      "捐赠金额\t万元\t120\t310\t95\n";
  EXPECT_TRUE(YearlySlips(table).empty()) << ::testing::PrintToString(YearlySlips(table));
  auto changed = [&](const std::string& from, const std::string& to) {
    std::string t = table;
    t.replace(t.find(from), from.size(), to);
    return YearlySlips(t);
  };
  EXPECT_EQ(changed("1608\t1635", "1608\t16350"),
            (std::vector<std::string>{"5:49: “上网电量 亿千瓦时”2016年为16350，约为其他年份（1786、1608）的 10 倍：疑似小数点或位数错误"}));
  EXPECT_EQ(changed("4014\t3675", "4014\t367500").size(), 1u);  // 100 times
  // Growth rates, counts below 10 and years that do not agree among themselves are no series to judge.
  EXPECT_TRUE(changed("6.2\t5.2", "6.2\t52.0").empty());
  EXPECT_TRUE(changed("1\t1\t1", "1\t1\t10").empty());
  EXPECT_TRUE(changed("310\t95", "310\t950").empty());
  // A figure with a footnote mark glued to it is not read.
  EXPECT_TRUE(changed("1608\t1635", "1608\t16350*").empty());
  // Two rows apart in one year: a column apart (a footnote or another unit), not a slip.
  std::string both = table;
  both.replace(both.find("1608\t1635"), 9, "1608\t16350");
  both.replace(both.find("3675\t3812"), 9, "3675\t38120");
  EXPECT_TRUE(YearlySlips(both).empty()) << ::testing::PrintToString(YearlySlips(both));
  // In English, as --lang en asks.
  const std::vector<std::string> en = [&] {
    std::string t = table;
    t.replace(t.find("1608\t1635"), 9, "1608\t16350");
    return YearlySlips(t, "en");
  }();
  ASSERT_EQ(en.size(), 1u);
  EXPECT_NE(en[0].find("is 16350 in 2016, about 10 times its other years (1786, 1608)"), std::string::npos) << en[0];
}

// Years down the first column make each other column a series; years repeated across one header make
// a series per block.
TEST(ValueRulesText, YearlySlipsDownAColumnAndInBlocksSideBySide) {
  const std::string down =
      "年份\t员工总人数\t培训总时长（小时）\n"
      "2014\t15,757\t71,474\n"
      "2015\t15,187\t714,740\n"
      "2016\t16,235\t93,431\n";
  EXPECT_EQ(YearlySlips(down).size(), 1u) << ::testing::PrintToString(YearlySlips(down));
  EXPECT_NE(YearlySlips(down).at(0).find("2015年为714,740"), std::string::npos);
  const std::string blocks =
      "指标\t2014\t2015\t2016\t2014\t2015\t2016\n"
      "矿井水\t104.6\t105.3\t1056.6\t63.1\t71.1\t72.53\n";
  EXPECT_EQ(YearlySlips(blocks).size(), 1u) << ::testing::PrintToString(YearlySlips(blocks));
}

// numeric.yoy-claim's findings, "line: severity: message" without the notes.
std::vector<std::string> YoyFindings(const std::string& text, const std::string& lang = "zh") {
  return RuleFindings(text, "numeric.yoy-claim", lang, [](const Finding& f) {
    return std::to_string(f.location.line) + ": " + SeverityName(f.severity) + ": " + f.message;
  });
}

// A claim alone after the clause's last comma (增幅为25%, 增长25%, 同比增长20%: no figure, no other words)
// claims the change of the two values stated before it, the earlier marked as the prior year's. A claim
// with words of its own (其中海外收入增长25%, 净利润增长25%) speaks of something else and is not checked.
TEST(ValueRulesText, AClaimAloneAfterACommaIsTheChangeOfTheValuesBeforeIt) {
  EXPECT_EQ(YoyFindings("公司营业收入由上年的100亿元增长至120亿元，增长25%。\n"),
            (std::vector<std::string>{"1: error: 称增长“25%”，但“100亿元”→“120亿元”为 (12000000000 - 10000000000) / "
                                      "10000000000 = +20.00%"}));
  EXPECT_EQ(YoyFindings("综合能耗由上年的120万吨标准煤降至110万吨标准煤，下降15%。\n").size(), 1u);
  for (const char* fine : {"公司营业收入由上年的100亿元增长至120亿元，增长20%。\n",
                           "公司营业收入由上年的100亿元增长至120亿元，增幅为20%。\n",
                           "公司营业收入由上年的100亿元增长至120亿元，其中海外收入增长25%。\n",
                           "营业收入由上年的100亿元增长至120亿元，净利润增长25%。\n",
                           "公司营业收入120亿元，增长25%。\n"}) {
    EXPECT_TRUE(YoyFindings(fine).empty()) << fine << ::testing::PrintToString(YoyFindings(fine));
  }
}

// A yearly table's change column is each row's later year against its earlier one: a percentage beside
// two quantities relatively (an error), otherwise relatively or as a difference (points).
TEST(ValueRulesText, AYearlyTablesChangeColumnIsCheckedAgainstItsTwoYears) {
  const std::string table =
      "表9：本行电子银行业务统计表\n"
      "\t2016 年\t2015 年\t变化\n"
      "个人网银客户数（万户）\t2,308.19\t1,803.19\t28.01%\n"
      "个人网银交易金额（亿元）\t114,705.39\t114,805.56\t-0.09%\n"
      "个人手机银行客户数（万户）\t1,958.48\t1,272.73\t53.89%\n"
      "电子渠道替代率（%）\t97.83%\t96.13%\t1.70%\n";
  EXPECT_TRUE(YoyFindings(table).empty()) << ::testing::PrintToString(YoyFindings(table));
  auto changed = [&](const std::string& from, const std::string& to, const std::string& lang = "zh") {
    std::string t = table;
    t.replace(t.find(from), from.size(), to);
    return YoyFindings(t, lang);
  };
  EXPECT_EQ(changed("1,272.73", "1,172.73"),
            (std::vector<std::string>{"5: error: “个人手机银行客户数（万户）”的“变化”为“53.89%”，但2015年“1,172.73”→2016年"
                                      "“1,958.48”为 (1958.48 - 1172.73) / 1172.73 = +67.00%"}));
  EXPECT_EQ(changed("-0.09%", "0.09%").size(), 1u);
  // A rate's change may be in points or relative: 97.83% against 96.13% is +1.70 points or +1.77%.
  EXPECT_TRUE(changed("1.70%", "1.77%").empty());
  const std::vector<std::string> off = changed("1.70%", "2.70%");
  ASSERT_EQ(off.size(), 1u);
  EXPECT_EQ(off[0].substr(0, 11), "6: warning:");
  // In English, as --lang en asks.
  const std::vector<std::string> en = changed("1,272.73", "1,172.73", "en");
  ASSERT_EQ(en.size(), 1u);
  EXPECT_NE(en[0].find("gives '53.89%' under '变化', but 2015 '1,172.73' -> 2016 '1,958.48' is"), std::string::npos) << en[0];
  EXPECT_NE(off[0].find("= +1.77%，或 97.83 - 96.13 = 1.7"), std::string::npos) << off[0];
  // A relative change may be printed as an index of the earlier year (上年=100).
  EXPECT_TRUE(changed("53.89%", "153.88%").empty());
  // A column of decreases prints them unsigned: 100 → 90 is a 降幅 of 10.0%.
  const std::string falls = "\t2015\t2016\t降幅\n综合能耗（吨标煤）\t100\t90\t10.0%\n";
  EXPECT_TRUE(YoyFindings(falls).empty()) << ::testing::PrintToString(YoyFindings(falls));
  std::string rises = falls;
  rises.replace(rises.find("\t90\t"), 4, "\t110\t");
  EXPECT_EQ(YoyFindings(rises).size(), 1u) << ::testing::PrintToString(YoyFindings(rises));
  // Near misses: three years (which two the change compares is not said), no change column, a cell
  // with a footnote mark.
  const std::string three = "\t2014\t2015\t2016\t变化\n员工总数（人）\t3,100\t3,200\t3,900\t5.0%\n";
  EXPECT_TRUE(YoyFindings(three).empty()) << ::testing::PrintToString(YoyFindings(three));
  const std::string none = "\t2015\t2016\t备注\n员工总数（人）\t3,200\t3,900\t5.0%\n";
  EXPECT_TRUE(YoyFindings(none).empty()) << ::testing::PrintToString(YoyFindings(none));
  EXPECT_TRUE(changed("53.89%", "63.89%*").empty());
}

}  // namespace
}  // namespace esgaudit::numeric
