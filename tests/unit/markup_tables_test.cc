// The markup table scanner: HTML fragments as OCR tools write them into Markdown (spans, unclosed
// cells, a table cut off at a page end) and Markdown pipe tables.
#include "analyse/markup_tables.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace esgaudit::markup {
namespace {

// Rows of cell texts as the grid sees them; a spanned position repeats its cell's text.
std::vector<std::vector<std::string>> Grid(const MarkupTable& t) {
  std::vector<std::vector<std::string>> out;
  for (uint32_t r = 0; r < t.Rows(); ++r) {
    out.emplace_back();
    for (uint32_t c = 0; c < t.Cols(); ++c) {
      const MarkupCell* cell = t.At(r, c);
      out.back().push_back(cell ? cell->text : "-");
    }
  }
  return out;
}

using G = std::vector<std::vector<std::string>>;

TEST(MarkupTablesTest, RowspanAndColspanArePlacedOnTheGrid) {
  std::string text =
      "前文\n<div><html><body><table border=\"1\"><tr><td colspan=\"2\">量化项</td><td>2024</td></tr>"
      "<tr><td rowspan=\"2\">按性别划分</td><td>男性员工</td><td>1,277</td></tr>"
      "<tr><td>女性员工</td><td>497</td></tr></table></body></html></div>\n";
  std::vector<MarkupTable> tables = ParseMarkupTables(text);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(Grid(tables[0]), (G{{"量化项", "量化项", "2024"},
                                {"按性别划分", "男性员工", "1,277"},
                                {"按性别划分", "女性员工", "497"}}));
  const MarkupCell* v = tables[0].At(2, 2);
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(text.substr(v->begin, v->end - v->begin), "497");
  EXPECT_EQ(tables[0].At(1, 0)->rowspan, 2u);
  EXPECT_EQ(tables[0].At(0, 1)->colspan, 2u);
}

TEST(MarkupTablesTest, UnclosedCellsInnerTagsAndEntities) {
  std::string text =
      "<table><tr><th>Site<th>Total\n<tr><td><b>Plant&nbsp;A</b><td> 1,200 <br/>\n</table>";
  std::vector<MarkupTable> tables = ParseMarkupTables(text);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(Grid(tables[0]), (G{{"Site", "Total"}, {"Plant A", "1,200"}}));
  EXPECT_TRUE(tables[0].At(0, 0)->header);
  EXPECT_FALSE(tables[0].At(1, 0)->header);
}

TEST(MarkupTablesTest, TableCutOffEndsAtABlankLineAndSpansAreCapped) {
  std::string text =
      "<table><tr><td rowspan=\"99999\">组</td><td>1</td></tr><tr><td>2</td></tr><tr><td>提问回复率</td><td>%</t"
      "\n\n## 下一节\n<table><tr><td>a</td></tr></table>";
  std::vector<MarkupTable> tables = ParseMarkupTables(text);
  ASSERT_EQ(tables.size(), 2u);
  EXPECT_EQ(tables[0].Rows(), 3u);  // the span is cut at the last row
  EXPECT_EQ(tables[0].At(2, 0)->text, "组");
  EXPECT_EQ(tables[0].At(0, 0)->rowspan, 3u);
  EXPECT_EQ(Grid(tables[1]), (G{{"a"}}));
}

TEST(MarkupTablesTest, PipeTablesNeedTheirDelimiterRow) {
  std::string text =
      "| Site | 2023 |\n|:--|--:|\n| Plant A | 130 |\n| Total | 235 |\n\n"
      "| not | a table |\n| no | delimiter |\n";
  std::vector<MarkupTable> tables = ParseMarkupTables(text);
  ASSERT_EQ(tables.size(), 1u);
  EXPECT_EQ(Grid(tables[0]), (G{{"Site", "2023"}, {"Plant A", "130"}, {"Total", "235"}}));
  EXPECT_TRUE(tables[0].At(0, 1)->header);
  const MarkupCell* v = tables[0].At(2, 1);
  EXPECT_EQ(text.substr(v->begin, v->end - v->begin), " 235 ");
}

}  // namespace
}  // namespace esgaudit::markup
