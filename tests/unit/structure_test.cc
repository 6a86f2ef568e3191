// The structure model (core/src/analyse/structure*.cc): cells, page furniture, table of contents,
// content index, headings and sections, tables, report metadata. Inputs are synthetic text shaped
// like the corpus and fragments of the sample report.
#include "esgaudit/structure.h"

#include <gtest/gtest.h>

#include <sstream>
#include <tuple>

#include "esgaudit/document.h"
#include "esgaudit_testing.h"

namespace esgaudit {
namespace {

std::vector<std::string> CellTexts(const Document& doc, size_t line) {
  const Structure& s = doc.structure();
  std::vector<std::string> out;
  const LineStructure& l = s.line(line);
  for (uint32_t k = 0; k < l.cell_count; ++k) {
    const Cell& c = s.cells()[l.first_cell + k];
    out.emplace_back(doc.text().substr(c.offset, c.length));
  }
  return out;
}

std::string Role(const Document& doc, size_t line) {
  return Structure::RoleName(doc.structure().line(line).role);
}

// The table of contents as "title page" strings.
std::vector<std::string> TocEntries(const Structure& s) {
  std::vector<std::string> out;
  for (const TocEntry& e : s.toc()) out.push_back(e.title + " " + std::to_string(e.page));
  return out;
}

// The 0-based index of the first line containing `needle`.
size_t LineWith(const Document& doc, std::string_view needle) {
  for (size_t i = 0; i < doc.line_count(); ++i) {
    if (doc.LineText(i).find(needle) != std::string_view::npos) return i;
  }
  ADD_FAILURE() << "no line with " << needle;
  return 0;
}

// A cell carries its line from the split; the host hands it to plugins (esgaudit_cell.line) in place
// of a search by offset, so the two must agree on every kind of line: a BOM, CRLF, tabs, Markdown and
// HTML cells, a form feed, blank and letter-spaced lines, ideographic spaces.
TEST(StructureTest, EachCellKnowsTheLineItsOffsetLiesOn) {
  Document doc = Document::FromUtf8(
      "r.txt",
      "\xEF\xBB\xBF标题行\r\n\r\n  董事长致辞      04\t关于我们 05\r\n| 指标 | 2020年 |\n|---|---|\n"
      "<td>员工</td><td>740</td>\n\f第二页\t12\n坚  持 创新\u3000\u3000投入 3.5 亿元\n\n\t\tTotal\t1,234\n");
  const Structure& s = doc.structure();
  size_t seen = 0;
  for (size_t li = 0; li < doc.line_count(); ++li) {
    const LineStructure& l = s.line(li);
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      const Cell& c = s.cells()[l.first_cell + k];
      EXPECT_EQ(c.line, li) << "cell " << k << " of line " << li;
      EXPECT_EQ(doc.LineOf(c.offset), li) << "cell " << k << " of line " << li;
      ++seen;
    }
  }
  EXPECT_GE(seen, 14u);
}

TEST(StructureTest, CellsSplitAtTabsPipesTagsAndWideGaps) {
  Document doc = Document::FromUtf8(
      "r.txt", "  董事长致辞      04\t关于我们 05\n| 指标 | 2020年 |\n<td>员工</td><td>740</td>\n坚  持 创新\n");
  EXPECT_EQ(CellTexts(doc, 0), (std::vector<std::string>{"董事长致辞", "04", "关于我们 05"}));
  EXPECT_EQ(CellTexts(doc, 1), (std::vector<std::string>{"指标", "2020年"}));
  EXPECT_EQ(CellTexts(doc, 2), (std::vector<std::string>{"员工", "740"}));
  // Letter-spacing between Han characters is one word (the matching view removes it).
  EXPECT_EQ(CellTexts(doc, 3), (std::vector<std::string>{"坚  持 创新"}));
  const Cell& c = doc.structure().cells()[doc.structure().line(0).first_cell + 1];
  EXPECT_EQ(c.column, 19u);  // two spaces, five Han (10 columns), six spaces
  EXPECT_NE(c.flags & ESGAUDIT_CELL_NUMERIC, 0u);
}

TEST(StructureTest, RunningHeadersPageNumbersAndSideBanners) {
  std::ostringstream text;
  for (int page = 1; page <= 4; ++page) {
    text << "云南铝业股份有限公司    2020年社会责任报告\n\n";
    text << "公司坚持绿色发展，持续推进节能减排，全年节约标准煤" << page << "万吨。\n\n";
    text << "- " << page << " -\n\f";
  }
  Document doc = Document::FromUtf8("r.txt", text.str());
  const Structure& s = doc.structure();
  size_t header = 0;
  size_t page_numbers = 0;
  for (size_t i = 0; i < doc.line_count(); ++i) {
    if (s.line(i).flags & ESGAUDIT_LINE_RUNNING_HEADER) ++header;
    if (s.line(i).flags & ESGAUDIT_LINE_PAGE_NUMBER) ++page_numbers;
  }
  EXPECT_EQ(header, 4u);
  EXPECT_EQ(page_numbers, 4u);
  EXPECT_EQ(Role(doc, 0), "furniture");
  EXPECT_EQ(Role(doc, 2), "prose");
  EXPECT_TRUE(s.IsBody(2));
  EXPECT_FALSE(s.IsBody(0));

  // One character per line down the right margin, beside prose.
  std::ostringstream side;
  const char* banner[] = {"云", "铝", "股", "份", "2", "0"};
  for (const char* ch : banner) side << "    公司持续完善治理结构，保障股东权益。                " << ch << "\n";
  Document d2 = Document::FromUtf8("r.txt", side.str());
  for (size_t i = 0; i < d2.line_count(); ++i) {
    const LineStructure& l = d2.structure().line(i);
    ASSERT_EQ(l.cell_count, 2u);
    EXPECT_NE(d2.structure().cells()[l.first_cell + 1].flags & ESGAUDIT_CELL_SIDE_BANNER, 0u);
    EXPECT_EQ(l.flags & ESGAUDIT_LINE_SIDE_BANNER, 0u);  // the line carries prose too
    EXPECT_EQ(Role(d2, i), "prose");
  }
}

// A table whose rows end in a dash or a 0 now and then, a page number a few lines under it: no cell
// is a side banner (each would be dropped from its row). Near miss: four characters down the margin
// within nine lines, beside prose, stay a banner; the same four spread over more lines do not.
TEST(StructureTest, TableRowsEndingInADashOrAZeroAreNoSideBanner) {
  const std::string table =
      "年度\t股本(万股)\t方案\t送股(万股)\t派现(万元)\n"
      "2010年度\t12,000\t每10股送2股\t2,400.00\t-\n"
      "2011年度\t14,400\t每10股送1股\t1,440.00\t-\n"
      "2012年度\t15,840\t每10股派1元\t-\t1,584.00\n"
      "2013年度\t15,840\t每10股派0.5元\t-\t792.00\n"
      "2014年度\t15,840\t每10股送1股\t1,584.00\t0\n"
      "合计\t\t\t5,424.00\t2,376.00\n"
      "三、职工权益保护\n"
      "公司重视保障员工的合法权益，依法签订劳动合同。\n"
      "4\n"
      "2016年度社会责任报告\n";
  Document doc = Document::FromUtf8("r.txt", table);
  const Structure& s = doc.structure();
  for (size_t i = 0; i < doc.line_count(); ++i) {
    const LineStructure& l = s.line(i);
    for (uint32_t k = 0; k < l.cell_count; ++k)
      EXPECT_EQ(s.cells()[l.first_cell + k].flags & ESGAUDIT_CELL_SIDE_BANNER, 0u) << i << " " << k;
  }
  auto banner = [](int spacing) {
    std::string text;
    for (const char* ch : {"云", "铝", "股", "份"}) {
      text += std::string("    公司持续完善治理结构，保障股东权益。                ") + ch + "\n";
      for (int k = 1; k < spacing; ++k) text += "    公司持续完善治理结构，保障股东权益。\n";
    }
    return Document::FromUtf8("r.txt", text);
  };
  Document close = banner(2);  // lines 0, 2, 4, 6
  EXPECT_NE(close.structure().cells()[close.structure().line(0).first_cell + 1].flags & ESGAUDIT_CELL_SIDE_BANNER, 0u);
  EXPECT_NE(close.structure().cells()[close.structure().line(6).first_cell + 1].flags & ESGAUDIT_CELL_SIDE_BANNER, 0u);
  Document apart = banner(4);  // lines 0, 4, 8, 12
  EXPECT_EQ(apart.structure().cells()[apart.structure().line(0).first_cell + 1].flags & ESGAUDIT_CELL_SIDE_BANNER, 0u);
  EXPECT_EQ(apart.structure().cells()[apart.structure().line(12).first_cell + 1].flags & ESGAUDIT_CELL_SIDE_BANNER, 0u);
}

TEST(StructureTest, ASectionTitleRepeatedAtTheTopOfItsPagesOpensItsSectionOnce) {
  // The letter's title printed at the top of each of its pages, with and without page breaks: the
  // first copy opens the section (a heading, the letter's pages under it), the later copies are
  // running headers. The report's title with its page number stays furniture on every page.
  for (const char* brk : {"\f", ""}) {
    std::ostringstream text;
    text << "某某航空股份有限公司2016年社会责任报告\n\n";
    for (int page = 1; page <= 3; ++page) {
      text << "致利益相关方\n\n";
      text << "过去一年里，公司坚持安全第一，为旅客提供优质服务，第" << page << "页。\n";
      text << "感谢各位朋友对公司的关心和支持，我们将继续履行社会责任。\n\n";
      text << "某某航空2016年社会责任报告 " << page + 1 << "\n" << brk;
    }
    Document doc = Document::FromUtf8("r.txt", text.str());
    const Structure& s = doc.structure();
    std::vector<size_t> copies;
    for (size_t i = 0; i < doc.line_count(); ++i)
      if (doc.LineText(i) == "致利益相关方") copies.push_back(i);
    ASSERT_EQ(copies.size(), 3u);
    EXPECT_EQ(Role(doc, copies[0]), "heading") << "break: " << (*brk != 0);
    EXPECT_EQ(s.line(copies[0]).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u);
    for (size_t k = 1; k < copies.size(); ++k) {
      EXPECT_NE(s.line(copies[k]).flags & ESGAUDIT_LINE_RUNNING_HEADER, 0u) << copies[k];
      EXPECT_EQ(Role(doc, copies[k]), "furniture");
    }
    const uint32_t letter = s.line(copies[0]).section;
    ASSERT_NE(letter, kNoIndex);
    EXPECT_EQ(s.sections()[letter].title, "致利益相关方");
    EXPECT_EQ(s.line(LineWith(doc, "第3页")).section, letter);
    EXPECT_NE(s.line(LineWith(doc, "社会责任报告 4")).flags & ESGAUDIT_LINE_RUNNING_HEADER, 0u);
  }
}

TEST(StructureTest, ARepeatedLineStaysFurnitureUnlessItsCopyOpensRunningText) {
  // Lines worded like a section title and repeated on every page stay page furniture in every
  // copy when no copy opens running text: a footer over the page's web address, a unit, a slogan
  // over a chart's label and figure. A bare page number beside a kept title copy is still a page
  // number.
  auto furniture = [](const Document& doc, std::string_view line) {
    size_t copies = 0;
    for (size_t i = 0; i < doc.line_count(); ++i) {
      if (doc.LineText(i) != line) continue;
      ++copies;
      EXPECT_NE(doc.structure().line(i).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u) << line << " at " << i;
    }
    EXPECT_EQ(copies, 3u) << line;
  };
  for (const char* brk : {"\f", ""}) {
    std::ostringstream footer;
    std::ostringstream unit;
    std::ostringstream header;
    for (int page = 1; page <= 3; ++page) {
      footer << "公司坚持绿色发展理念，持续推进节能减排工作，第" << page << "季度各项指标达到目标。\n"
             << "数据来源统计平台\n"
             << "www.example.org.cn\n"
             << brk;
      unit << "毫克/立方米\n"
           << "公司所属电厂持续推进超低排放改造，第" << page << "台机组的排放浓度低于国家标准。\n"
           << "万人\n"
           << "公司员工参加培训的人数持续增长，第" << page << "期培训覆盖全部一线岗位员工。\n"
           << brk;
      header << "携手共创美好未来\n"
             << "节能环保\n"
             << 10 + page << ".5万吨\n"
             << "公司持续完善能源管理体系，第" << page << "季度能源消耗总量保持稳定。\n"
             << brk;
    }
    Document a = Document::FromUtf8("a.txt", footer.str());
    furniture(a, "数据来源统计平台");
    Document b = Document::FromUtf8("b.txt", unit.str());
    furniture(b, "毫克/立方米");
    furniture(b, "万人");
    Document c = Document::FromUtf8("c.txt", header.str());
    furniture(c, "携手共创美好未来");
  }
  // No page breaks: the page number under the first copy of the letter's title, which opens the
  // letter, is a page number as under the other copies.
  std::ostringstream letter;
  for (int page = 2; page <= 4; ++page)
    letter << "致利益相关方\n" << page << "\n过去一年里，公司坚持安全第一，为旅客提供优质服务，第" << page
           << "页。\n感谢各位朋友对公司的关心和支持，我们将继续履行社会责任。\n\n";
  Document doc = Document::FromUtf8("r.txt", letter.str());
  const Structure& s = doc.structure();
  size_t first = LineWith(doc, "致利益相关方");
  EXPECT_EQ(s.line(first).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u);
  EXPECT_EQ(Role(doc, first), "heading");
  for (const char* number : {"2", "3", "4"})
    for (size_t i = 0; i < doc.line_count(); ++i)
      if (doc.LineText(i) == number) {
        EXPECT_NE(s.line(i).flags & ESGAUDIT_LINE_PAGE_NUMBER, 0u) << number;
      }
}

TEST(StructureTest, ALatinTitleBesideItsPageNumberIsARunningFooter) {
  // "07   Acme Sustainability Report 2021" at the foot of each page; the same two-cell table row
  // in three tables ("Employees   5") is not one, its numbers not going up page by page.
  std::ostringstream text;
  const int values[] = {5, 5, 3};
  for (int page = 7; page <= 9; ++page) {
    text << "Our people and our communities are at the heart of what we do.\n\n";
    text << "Employees                    " << values[page - 7] << "\n\n";
    text << (page < 10 ? "0" : "") << page << "                   Acme Sustainability Report 2021\n\f";
  }
  Document doc = Document::FromUtf8("r.txt", text.str());
  const Structure& s = doc.structure();
  for (size_t i = 0; i < doc.line_count(); ++i) {
    const bool footer = doc.LineText(i).find("Acme") != std::string_view::npos;
    EXPECT_EQ((s.line(i).flags & ESGAUDIT_LINE_RUNNING_HEADER) != 0, footer) << doc.LineText(i);
  }
}

TEST(StructureTest, CaptionsLabelsAndTableHeadersRepeatedMidPageAreNoRunningHeaders) {
  // Pages joined without breaks: a unit caption over each table, the table's header row repeated
  // over each, and a label ending in a colon repeat as often as a running header, but each
  // introduces what follows it. The report's title printed on every page stays a running header.
  std::ostringstream text;
  for (int page = 1; page <= 3; ++page) {
    text << "某某公司2020年社会责任报告\n\n";
    text << "公司持续推进节能减排，第" << page << "季度各项排放指标达到目标要求。\n";
    text << "单位：吨\n";
    text << "厂区\t甲厂\t乙厂\t合计\n";
    text << "排放量\t" << 10 * page << "\t" << 20 * page << "\t" << 30 * page << "\n\n";
    text << "工作成果：\n";
    text << "公司开展节能改造项目" << page << "项，降低单位产品能耗，取得良好成效。\n\n";
  }
  Document doc = Document::FromUtf8("r.txt", text.str());
  const Structure& s = doc.structure();
  for (size_t i = 0; i < doc.line_count(); ++i) {
    const bool title = doc.LineText(i).find("某某公司") != std::string_view::npos;
    EXPECT_EQ((s.line(i).flags & ESGAUDIT_LINE_FURNITURE_MASK) != 0, title) << doc.LineText(i);
  }
  EXPECT_NE(s.line(LineWith(doc, "厂区")).flags & ESGAUDIT_LINE_TABLE, 0u);

  // Pages joined without breaks, each ending with "第N页共M页" and the report's title above a table
  // that goes on from the page before: both are page furniture, though a table row follows.
  std::ostringstream joined;
  for (int page = 1; page <= 3; ++page) {
    joined << "公司持续推进节能减排，第" << page << "季度各项排放指标达到目标要求。\n";
    joined << "厂区\t甲厂\t乙厂\t合计\n";
    joined << "排放量\t" << 10 * page << "\t" << 20 * page << "\t" << 30 * page << "\n";
    joined << "第" << page + 20 << "页共47页\n";
    joined << "某某公司2020年社会责任报告\n";
    joined << "用水量\t" << 11 * page << "\t" << 21 * page << "\t" << 32 * page << "\n\n";
  }
  Document paged = Document::FromUtf8("r.txt", joined.str());
  for (size_t i = 0; i < paged.line_count(); ++i) {
    const bool edge = paged.LineText(i).find("某某公司") != std::string_view::npos ||
                      paged.LineText(i).find("共47页") != std::string_view::npos;
    EXPECT_EQ((paged.structure().line(i).flags & ESGAUDIT_LINE_FURNITURE_MASK) != 0, edge) << paged.LineText(i);
  }
  EXPECT_NE(paged.structure().line(LineWith(paged, "第21页")).flags & ESGAUDIT_LINE_PAGE_NUMBER, 0u);

  // Pages known: a line repeated in the middle of its pages (a callout's label) is no running
  // header nor decoration; the same line at the top of its pages is, but for its first copy, which
  // titles the pages (a section title repeated as a running header).
  auto build = [](bool top) {
    std::ostringstream t;
    for (int page = 1; page <= 3; ++page) {
      if (top) t << "可持续发展专题\n";
      const char* topics[] = {"节能减排", "治理结构", "安全培训", "员工健康", "乡村振兴", "供应链管理", "社会监督"};
      const char* whom[] = {"甲", "乙", "丙"};
      for (int k = 0; k < 7; ++k) {
        if (k == 3 && !top) t << "可持续发展专题\n";
        t << whom[page - 1] << "公司持续推进" << topics[k] << "工作。\n";
      }
      t << "\f";
    }
    return Document::FromUtf8("r.txt", t.str());
  };
  Document top = build(true);
  Document mid = build(false);
  size_t top_marked = 0;
  size_t mid_marked = 0;
  for (size_t i = 0; i < top.line_count(); ++i)
    if (top.structure().line(i).flags & ESGAUDIT_LINE_FURNITURE_MASK) ++top_marked;
  for (size_t i = 0; i < mid.line_count(); ++i)
    if (mid.structure().line(i).flags & ESGAUDIT_LINE_FURNITURE_MASK) ++mid_marked;
  EXPECT_EQ(top_marked, 2u);
  EXPECT_EQ(top.structure().line(0).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u);
  EXPECT_EQ(mid_marked, 0u);

  // Footers that carry their page number are footers wherever they stand: the two of a spread on
  // adjacent lines, one right above a table that begins the next page.
  Document spread = Document::FromUtf8("r.txt",
                                       "公司持续推进节能减排工作。\n某某公司社会责任报告46\n47某某公司社会责任报告\n"
                                       "公司完善治理结构，保障股东权益。\n某某公司社会责任报告48\n"
                                       "指标\t2015年\t2016年\n用水量\t120\t110\n");
  for (size_t i = 0; i < spread.line_count(); ++i) {
    const bool footer = spread.LineText(i).find("报告") != std::string_view::npos;
    EXPECT_EQ((spread.structure().line(i).flags & ESGAUDIT_LINE_RUNNING_HEADER) != 0, footer) << spread.LineText(i);
  }

  // A label before each row of a flattened table is no decoration; a chart's label printed line
  // after line is.
  Document flat = Document::FromUtf8("r.txt",
                                     "公司与利益相关方保持沟通。\n联系方式\n股东大会与业绩说明会\n联系方式\n现场调研与座谈交流\n"
                                     "联系方式\n职工代表大会\n\nMaterial\nMaterial\nMaterial\nMaterial\n");
  for (size_t i = 0; i < flat.line_count(); ++i) {
    const bool chart = flat.LineText(i) == "Material";
    EXPECT_EQ((flat.structure().line(i).flags & ESGAUDIT_LINE_FURNITURE_MASK) != 0, chart) << flat.LineText(i);
  }

  // A Markdown heading repeated in every chapter is the author's title, not decoration.
  std::ostringstream md;
  for (int k = 1; k <= 3; ++k)
    md << "## Why it matters\n\nTopic " << k << " matters to our patients and employees.\n\n";
  Document mdoc = Document::FromUtf8("r.md", md.str());
  EXPECT_EQ(mdoc.structure().line(LineWith(mdoc, "Why it matters")).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u);
}

TEST(StructureTest, AUnitCaptionOverAChartPrintedAsAPictureIsPartOfItsFigures) {
  // Each chart's unit caption stands at the top of its page, over figures alone on their lines
  // (the chart's axis and values, no table row): repeated four times, it is no running header, and
  // it belongs to the chart's figures; over a note it is no body text either.
  std::ostringstream text;
  for (int page = 1; page <= 4; ++page) {
    text << "单位：吨\n";
    if (page < 4) {
      text << 25 * page << ",000\n" << 20 * page << ",000\n" << 15 * page << ",000\n";
    } else {
      text << "注：2014年水量增加乃因数据范畴扩大。\n";
    }
    text << "公司持续追踪各厂区用水情形，定期搜集用水数据，第" << page << "厂区节水成效良好。\n\f";
  }
  Document doc = Document::FromUtf8("r.txt", text.str());
  const Structure& s = doc.structure();
  size_t captions = 0;
  for (size_t i = 0; i < doc.line_count(); ++i) {
    if (doc.LineText(i) != "单位：吨") continue;
    ++captions;
    EXPECT_EQ(s.line(i).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u) << i;
    const bool chart = doc.LineText(i + 1).find(",000") != std::string_view::npos;
    EXPECT_EQ(Role(doc, i), chart ? "infographic" : "other") << i;
  }
  EXPECT_EQ(captions, 4u);
}

TEST(StructureTest, BarePageNumbersOfPagesJoinedWithoutBreaks) {
  // Pages extracted and joined without form feeds: a bare number between paragraphs, going up by
  // one or a few (page numbers lost), is a page number, and so are the two numbers of a spread; a
  // chart's axis (bare numbers one above the other) and a lone figure that does not continue the
  // run are not.
  std::ostringstream text;
  const int pages[] = {3, 4, 5, 7, 8, 14};  // pages 9 to 13 are pictures without a number
  const char* prose[] = {"公司坚持绿色发展，持续推进节能减排。", "公司持续完善治理结构，保障股东权益。",
                         "公司开展安全培训，提升员工安全意识。", "公司关注员工健康，组织年度体检。",
                         "公司支持乡村振兴，开展帮扶项目。", "公司加强供应链管理，评估供应商。"};
  for (int k = 0; k < 6; ++k) {
    text << prose[k] << "\n" << prose[(k + 3) % 6] << "\n\n";
    if (k == 2) text << "排放量（万吨）\n30\n20\n10\n0\n\n图中为近四年的排放量。\n\n";
    if (k == 4) text << "累计志愿服务时长\n\n600\n\n志愿者遍布各地。\n\n";
    text << pages[k] << "\n\n";
  }
  text << "公司发布年度社会责任报告。\n公司接受社会各界的监督。\n\n15\n16\n";  // a spread's two numbers
  Document doc = Document::FromUtf8("r.txt", text.str());
  const Structure& s = doc.structure();
  std::vector<std::string> marked;
  for (size_t i = 0; i < doc.line_count(); ++i)
    if (s.line(i).flags & ESGAUDIT_LINE_PAGE_NUMBER) marked.emplace_back(doc.LineText(i));
  EXPECT_EQ(marked, (std::vector<std::string>{"3", "4", "5", "7", "8", "14", "15", "16"}));
  // Four pages are too few to tell a run of page numbers from figures.
  Document few = Document::FromUtf8("r.txt", "甲公司的说明。\n\n3\n\n乙公司的说明。\n\n4\n\n丙公司的说明。\n\n5\n\n丁公司的说明。\n\n6\n");
  for (size_t i = 0; i < few.line_count(); ++i) EXPECT_EQ(few.structure().line(i).flags & ESGAUDIT_LINE_PAGE_NUMBER, 0u);
}

TEST(StructureTest, ChapterHeadersSideTextAndDividerEntries) {
  // Shaped like the sample: a chapter header repeated per page, the report name down the margin,
  // a chapter divider listing its sections with page numbers.
  Document doc = Document::FromUtf8("r.txt",
                                    "劳动者至上           员工发展            和谐共享\n"
                                    "                                                   云\n"
                                    "员工发展                                           铝\n"
                                    "                                                   股\n"
                                    "人才是企业不断发展壮大的动力引擎,公司强化顶层设计。          份\n"
                                    "劳动者至上           员工发展            和谐共享\n"
                                    "劳动者至上                             23\n"
                                    "员工发展                               24\n"
                                    "和谐共享                               27\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.lines().size(), 9u);
  auto cell = [&](size_t line, bool last) -> const Cell& {
    const LineStructure& l = s.line(line);
    return s.cells()[l.first_cell + (last ? l.cell_count - 1 : 0)];
  };
  EXPECT_NE(s.line(0).flags & ESGAUDIT_LINE_RUNNING_HEADER, 0u);
  EXPECT_NE(s.line(5).flags & ESGAUDIT_LINE_RUNNING_HEADER, 0u);
  EXPECT_EQ(s.line(2).flags & ESGAUDIT_LINE_RUNNING_HEADER, 0u);
  EXPECT_NE(cell(1, true).flags & ESGAUDIT_CELL_SIDE_BANNER, 0u);
  EXPECT_NE(cell(2, true).flags & ESGAUDIT_CELL_SIDE_BANNER, 0u);
  EXPECT_EQ(cell(2, false).flags & ESGAUDIT_CELL_SIDE_BANNER, 0u);  // the heading 员工发展 itself
  EXPECT_NE(cell(4, true).flags & ESGAUDIT_CELL_SIDE_BANNER, 0u);
  EXPECT_NE(cell(6, false).flags & ESGAUDIT_CELL_TOC_ENTRY, 0u);
  EXPECT_NE(cell(8, false).flags & ESGAUDIT_CELL_TOC_ENTRY, 0u);
  EXPECT_EQ(cell(2, false).flags & ESGAUDIT_CELL_TOC_ENTRY, 0u);
  EXPECT_EQ(cell(4, false).flags & ESGAUDIT_CELL_TOC_ENTRY, 0u);
  EXPECT_EQ(Role(doc, 1), "furniture");
  EXPECT_EQ(Role(doc, 4), "prose");
  EXPECT_EQ(Role(doc, 7), "toc");
}

TEST(StructureTest, TableOfContentsEntriesAndTheirPages) {
  Document doc = Document::FromUtf8("r.txt",
                                    "目  录\n\n"
                                    "董事长致辞             04        绿色运营          12\n"
                                    "关于我们               05        应对气候变化      14\n"
                                    "公司治理......................28\n"
                                    "\n"
                                    "董事长致辞\n\n"
                                    "2020年是全面建成小康社会和“十三五”规划收官之年，公司经营业绩创历史新高。\n");
  const Structure& s = doc.structure();
  for (size_t i = 0; i <= 4; ++i) EXPECT_NE(s.line(i).flags & ESGAUDIT_LINE_TOC, 0u) << i;
  EXPECT_EQ(s.line(6).flags & ESGAUDIT_LINE_TOC, 0u);
  EXPECT_EQ(Role(doc, 2), "toc");
  EXPECT_EQ(Role(doc, 6), "heading");
  std::vector<std::string> entries = TocEntries(s);
  EXPECT_EQ(entries, (std::vector<std::string>{"董事长致辞 4", "绿色运营 12", "关于我们 5",
                                               "应对气候变化 14", "公司治理 28"}));
  // A strip of entries with rising pages is a TOC line anywhere.
  Document strip = Document::FromUtf8("r.txt", "供货商现况  83   供货商评鉴  84   员工关怀  86\n");
  EXPECT_NE(strip.structure().line(0).flags & ESGAUDIT_LINE_TOC, 0u);
}

TEST(StructureTest, ContentsInColumnsWithThePageNumberFirst) {
  // Three columns of entries, each page number before its title, titles wrapping onto the next
  // line (of its own or among the next row's entries); down each column the pages go up.
  Document doc = Document::FromUtf8(
      "r.txt",
      "CONTENTS\n\n"
      "02       Message from the Chair          30       Protecting nature               52       Our people and\n"
      "04       Our approach                    32       Water and                                 communities\n"
      "                                                  biodiversity\n"
      "08       About this report               36       Waste                           58       Communities\n"
      "12       Climate                         40       Air quality                     60       Performance\n"
      "18       Energy transition                                                        62       Data\n"
      "\n"
      "Our report covers the year to 31 December 2021 and all operations we control.\n");
  const Structure& s = doc.structure();
  for (size_t i = 2; i <= 7; ++i) EXPECT_NE(s.line(i).flags & ESGAUDIT_LINE_TOC, 0u) << i;
  EXPECT_EQ(s.line(9).flags & ESGAUDIT_LINE_TOC, 0u);
  std::vector<std::string> entries = TocEntries(s);
  EXPECT_EQ(entries.size(), 13u);  // the CONTENTS title is none
  EXPECT_EQ(entries[0], "Message from the Chair 2");
  // The wrapped part of a title is joined, on a line of its own or among the next row's entries.
  EXPECT_EQ(entries[2], "Our people and communities 52");
  EXPECT_EQ(entries[4], "Water and biodiversity 32");
  EXPECT_EQ(entries.back(), "Data 62");

  // Data tables whose rows start with a number are no contents: a figure with no title after it,
  // a decimal, a percentage or a year rules a row out, and pages that do not go up down a column
  // are no page numbers.
  const std::string rows[] = {
      "12       Employees                       5",
      "2021     Revenue                         2020     Revenue",
      "12.5     Scope 1                         14.0     Scope 2",
      "45%      Women                           55%      Men",
  };
  for (const std::string& r : rows) {
    std::string text;
    for (int k = 0; k < 5; ++k) text += r + "\n";
    Document table = Document::FromUtf8("r.txt", text);
    for (size_t i = 0; i < table.line_count(); ++i)
      EXPECT_EQ(table.structure().line(i).flags & ESGAUDIT_LINE_TOC, 0u) << r;
  }
  Document falling = Document::FromUtf8("r.txt",
                                        "90       Plant A                         80       Plant E\n"
                                        "70       Plant B                         60       Plant F\n"
                                        "50       Plant C                         40       Plant G\n"
                                        "30       Plant D                         20       Plant H\n");
  for (size_t i = 0; i < falling.line_count(); ++i)
    EXPECT_EQ(falling.structure().line(i).flags & ESGAUDIT_LINE_TOC, 0u);
}

// A page-first entry joined to its page by one space, alone in its cell ("3 Our approach") or after
// a fragment of the column before ("Letter 9 Our people"); a cell opening with a CJK character
// before its number ("报告 9 Our people") or a number of four digits is no entry, and the block of
// rows ends there.
TEST(StructureTest, PageFirstEntriesJoinedToTheirPageByOneSpace) {
  Document doc = Document::FromUtf8("r.txt",
                                    "CONTENTS\n\n"
                                    "3 Our approach          19 Climate\n"
                                    "5 Our business          23 Energy use\n"
                                    "Letter 9 Our people     27 Waste\n"
                                    "12 Governance           31 Water\n"
                                    "报告 40 Our data        44 Assurance\n"
                                    "\n"
                                    "Our report covers the year to 31 December 2021 and all operations we control.\n");
  const Structure& s = doc.structure();
  for (size_t i = 2; i <= 5; ++i) EXPECT_NE(s.line(i).flags & ESGAUDIT_LINE_TOC, 0u) << i;
  EXPECT_EQ(s.line(6).flags & ESGAUDIT_LINE_TOC, 0u);
  EXPECT_EQ(TocEntries(s), (std::vector<std::string>{"Our approach 3", "Climate 19", "Our business 5", "Energy use 23",
                                                     "Our people 9", "Waste 27", "Governance 12", "Water 31"}));
  Document years = Document::FromUtf8("r.txt",
                                      "2019 Our approach       2023 Climate\n"
                                      "2020 Our business       2024 Energy use\n"
                                      "2021 Our people         2025 Waste\n"
                                      "2022 Governance         2026 Water\n");
  for (size_t i = 0; i < years.line_count(); ++i) EXPECT_EQ(years.structure().line(i).flags & ESGAUDIT_LINE_TOC, 0u);
}

// The contents title is the whole line without its spaces, tabs and leading '#', in any case ("##
// Table of Contents"), also after a long run of blanks; with more on the line it is none.
TEST(StructureTest, AContentsTitleIsTheWholeLineWithoutBlanksOrLeadingHashes) {
  const std::string body = "\n公司简介 2\n董事长致辞 4\n\n正文开始。这是第一句话，内容很长。\n";
  for (const std::string& title : {std::string("## Table  of  Contents"), std::string("目 录"), std::string("#目錄"),
                                   std::string(300, ' ') + "CONTENTS"}) {
    Document doc = Document::FromUtf8("r.txt", title + body);
    for (size_t i : {0, 1, 2}) EXPECT_NE(doc.structure().line(i).flags & ESGAUDIT_LINE_TOC, 0u) << title << i;
    EXPECT_EQ(doc.structure().line(4).flags & ESGAUDIT_LINE_TOC, 0u) << title;
  }
  for (const std::string& title : {std::string("目录#"), std::string("目录 2021"), std::string("Contents of the report"),
                                   std::string(300, ' ') + "Contents of the report"}) {
    Document doc = Document::FromUtf8("r.txt", title + body);
    for (size_t i : {0, 1, 2}) EXPECT_EQ(doc.structure().line(i).flags & ESGAUDIT_LINE_TOC, 0u) << title << i;
  }
}

TEST(StructureTest, ContentsTitlesWrappedOntoTheNextLine) {
  // Page number first, joined to its title by one space, titles wrapped onto lines of their own,
  // and a letter's title in the column beside them ("A message / from our / Chairman / and CEO"):
  // each wrapped part goes to its entry, the other column's words to none.
  Document doc = Document::FromUtf8("r.txt",
                                    "A message Contents\n"
                                    "3 Our progress against\n"
                                    "our commitments\n"
                                    "4 Our approach\n"
                                    "from our\n"
                                    "10 On the road to net zero\n"
                                    "15 Looking at the\n"
                                    "whole landscape\n"
                                    "Chairman 19 More regenerative\n"
                                    "practices on farms\n"
                                    "25 Regenerating the water cycle\n"
                                    "and CEO\n"
                                    "29 Ingredients produced\n"
                                    "sustainably\n"
                                    "42 Food safety and quality\n"
                                    "Standing firm on our commitments. After years of progress, food insecurity rose.\n");
  const Structure& s = doc.structure();
  std::vector<std::string> entries = TocEntries(s);
  EXPECT_EQ(entries, (std::vector<std::string>{"Our progress against our commitments 3", "Our approach 4",
                                               "On the road to net zero 10", "Looking at the whole landscape 15",
                                               "More regenerative practices on farms 19",
                                               "Regenerating the water cycle 25", "Ingredients produced sustainably 29",
                                               "Food safety and quality 42"}));
  for (size_t i = 1; i <= 14; ++i) EXPECT_NE(s.line(i).flags & ESGAUDIT_LINE_TOC, 0u) << i;
  EXPECT_EQ(s.line(15).flags & ESGAUDIT_LINE_TOC, 0u);

  // Title first, its page at the end of the second line: the part that breaks off (a joining word
  // at its end) takes the title and page of the line below in its column; a chapter title without
  // a page ("附录") stays alone. (Titles are read on the matching view: ASCII punctuation.)
  Document zh = Document::FromUtf8("r.txt",
                                   "目录\n"
                                   "董事长致辞\t6\t支持社区发展\t66\n"
                                   "责任融合之路\t9\t附录\t\n"
                                   "可持续发展背景\t10\t附录一：社会责任指标体系\t75\n"
                                   "社会责任模型\t11\t附录二：上海证交所披露建议及\t\n"
                                   "社会责任管理\t12\t香港联交所ESG内容索引表\t87\n"
                                   "利益相关方沟通\t13\t附录三：独立鉴证报告\t92\n");
  std::vector<std::string> zh_entries = TocEntries(zh.structure());
  EXPECT_EQ(zh_entries, (std::vector<std::string>{"董事长致辞 6", "支持社区发展 66", "责任融合之路 9", "附录 0",
                                                  "可持续发展背景 10", "附录一:社会责任指标体系 75",
                                                  "社会责任模型 11", "附录二:上海证交所披露建议及香港联交所ESG内容索引表 87",
                                                  "社会责任管理 12", "利益相关方沟通 13", "附录三:独立鉴证报告 92"}));
}

// A short line opening with an age or an age range (a chart's legend or caption: 50歲或以上, 30-39 歲,
// 30歲或以下 26%) is no numbered heading; a numbered title stays one, and so does one whose first word
// starts with 岁 (岁月).
TEST(StructureTest, AgeClassLegendsAreNoHeadings) {
  auto headings = [](const std::string& text) {
    Document doc = Document::FromUtf8("r.txt", text);
    std::vector<std::string> out;
    const Structure& s = doc.structure();
    for (size_t i = 0; i < s.lines().size(); ++i) {
      const LineStructure& l = s.line(i);
      if (l.role != ESGAUDIT_ROLE_HEADING) continue;
      const Cell& c = s.cells()[l.first_cell];
      out.push_back(std::string(doc.text().substr(c.offset, c.length)));
    }
    return out;
  };
  EXPECT_EQ(headings("员工年龄分布\n\n50歲或以上\n\n40-49 歲\n12%\n30-39 歲\n48%\n30歲或以下 27%\n\n"
                     "35岁以下员工占比\n61.5%\n"),
            std::vector<std::string>{"员工年龄分布"});  // the chart's title, set apart by blank lines
  EXPECT_EQ(headings("1 员工权益\n\n公司依法保障员工的合法权益，建立健全薪酬福利体系。\n\n"
                     "2 岁月如歌\n\n公司成立三十周年，举办了系列纪念活动。\n"),
            (std::vector<std::string>{"1 员工权益", "2 岁月如歌"}));
}

// Every cell of the text flagged as a contents entry.
std::vector<std::string> ContentsFlags(const Document& doc) {
  std::vector<std::string> out;
  const Structure& s = doc.structure();
  for (size_t i = 0; i < s.lines().size(); ++i) {
    const LineStructure& l = s.line(i);
    for (uint32_t k = 0; k < l.cell_count; ++k) {
      const Cell& c = s.cells()[l.first_cell + k];
      if (c.flags & ESGAUDIT_CELL_TOC_ENTRY) out.push_back(std::string(doc.text().substr(c.offset, c.length)));
    }
  }
  return out;
}

TEST(StructureTest, AgeClassesAndLabelsBeforeSeveralFiguresAreNoContentsEntries) {
  auto flagged = [](const std::string& text) { return ContentsFlags(Document::FromUtf8("r.txt", text)); };
  // A staff table: labels ending in a note number and age classes, each before several figures.
  EXPECT_EQ(flagged("人员结构\t本年\t上年\t增减\n"
                    "一线员工7\t3,210\t3,105\t3.38%\n"
                    "中层员工8\t402\t398\t1.01%\n"
                    "25岁及以下\t1,024\t998\t2.61%\n"
                    "26-45 岁\t2,100\t2,050\t2.44%\n"
                    "55岁以上\t12\t15\t-20.00%\n"),
            std::vector<std::string>{});
  // Age classes before one figure each: an age is no page number before a title.
  EXPECT_EQ(flagged("25岁及以下\t1,024\n56岁以上\t12\n35岁至55岁\t880\n"), std::vector<std::string>{});
  // Near misses, contents entries: a title with one page number in its cell or the next one, in
  // one or two columns, and pages printed before their titles.
  EXPECT_EQ(flagged("一线员工7\t社区公益21\n中层员工8\t绿色运营25\n员工培训12\t附录30\n"),
            (std::vector<std::string>{"一线员工7", "社区公益21", "中层员工8", "绿色运营25", "员工培训12", "附录30"}));
  EXPECT_EQ(flagged("关于我们\t3\n员工关爱\t9\n社区公益\t17\n"),
            (std::vector<std::string>{"关于我们", "员工关爱", "社区公益"}));
  EXPECT_EQ(flagged("3关于我们\n9员工关爱\n17社区公益\n"),
            (std::vector<std::string>{"3关于我们", "9员工关爱", "17社区公益"}));
}


// An entry naming its pages between its titles ("战略09社会责任沟通09利益") is read up to 200 code
// points, however many bytes they take: a cell of 200 code points, most of four bytes (near 800
// bytes), is an entry; one of 201 is not.
TEST(StructureTest, AContentsEntryIsReadUpToTwoHundredCodePointsOfAnyWidth) {
  auto cell = [](size_t code_points) {
    std::string t = "\u6218\u7565" "09" "\u793E\u4F1A\u8D23\u4EFB" "09" "\u5229\u76CA";  // 12 code points
    for (size_t k = 12; k < code_points; ++k) t += "\U0001F331";  // four bytes
    return t;
  };
  auto flagged = [&](size_t code_points) {
    const std::string c = cell(code_points);
    return ContentsFlags(Document::FromUtf8("r.txt", c + "\n" + c + "\n" + c + "\n")).size();
  };
  EXPECT_GT(cell(200).size(), 4u * 190);
  EXPECT_EQ(flagged(200), 3u);
  EXPECT_EQ(flagged(201), 0u);
  EXPECT_EQ(flagged(12), 3u);
}

std::vector<std::string> ContentsFlags(const std::string& text) {
  return ContentsFlags(Document::FromUtf8("r.txt", text));
}

TEST(StructureTest, SmallTablesOfCountsAreNoContentsEntries) {
  const std::string paragraph = "公司在各区域设立服务网点，为客户提供及时的服务，各区域网点数量如下。\n";
  // A label and a count on each line, the counts going up and down: a table, not pages.
  EXPECT_EQ(ContentsFlags(paragraph + "华北\t17\n东北\t1\n华东\t13\n中南\t3\n西南\t3\n西北\t10\n"),
            std::vector<std::string>{});
  EXPECT_EQ(ContentsFlags(paragraph + "国家标准\t68\n行业标准\t48\n地方标准\t6\n协会标准\t5\n"),
            std::vector<std::string>{});
  // Labels with their unit in brackets name quantities, even when the figures happen to rise.
  EXPECT_EQ(ContentsFlags(paragraph + "客服中心总人数（人）\t14\n客户活动次数（余次）\t20\n客户培训次数(次)\t40\n"),
            std::vector<std::string>{});
  // Classes of a staff table: ages and bounds, with their figures rising.
  EXPECT_EQ(ContentsFlags(paragraph + "25周岁（含）以下\t88\n26周岁-30周岁\t199\n31周岁-35周岁\t396\n"),
            std::vector<std::string>{});
  EXPECT_EQ(ContentsFlags(paragraph + "51岁及以上\t48\n46到50岁\t78\n41到45岁\t177\n"), std::vector<std::string>{});
  // Near misses, contents: short titles with one-digit pages rising, in one column or two (each
  // column rising), and the same list repeated as a sidebar on a page of the body.
  EXPECT_EQ(ContentsFlags("关于我们\t3\n员工关爱\t5\n社区公益\t8\n附录\t9\n"),
            (std::vector<std::string>{"关于我们", "员工关爱", "社区公益", "附录"}));
  EXPECT_EQ(ContentsFlags("关于我们 3\t绿色运营 21\n员工关爱 5\t社区公益 25\n责任治理 9\t附录 30\n"),
            (std::vector<std::string>{"关于我们 3", "绿色运营 21", "员工关爱 5", "社区公益 25", "责任治理 9", "附录 30"}));
  EXPECT_EQ(ContentsFlags(paragraph + "\n\n\n\n\n\n\n\n\n\n\n\n\n" + paragraph + "公司治理\t4\n绿色发展\t12\n员工成长\t20\n" +
                          paragraph),
            (std::vector<std::string>{"公司治理", "绿色发展", "员工成长"}));
  // A title in brackets that is no unit keeps its reading.
  EXPECT_EQ(ContentsFlags("责任管理（一）\t3\n责任管理（二）\t6\n附录（续）\t9\n"),
            (std::vector<std::string>{"责任管理（一）", "责任管理（二）", "附录（续）"}));
}

TEST(StructureTest, ClassesOfAgeAndBoundsAreNoPagesNorNumberedHeadings) {
  // Chart legends of an age split: a range, a bound, a generation; neither contents entries nor
  // numbered headings.
  Document doc = Document::FromUtf8("r.txt",
                                    "员工年龄结构\n\n46到50 11%\n\n41到45岁 11%\n\n36至40岁 12%\n\n90后员工\n\n"
                                    "80后员工\n\n");
  EXPECT_EQ(ContentsFlags(doc), std::vector<std::string>{});
  for (size_t line : {2u, 4u, 6u, 8u, 10u}) EXPECT_NE(Role(doc, line), "heading") << line;
  // Near misses: numbered titles opening with a word, and contents entries printing their page
  // first, are read as before.
  Document titles = Document::FromUtf8("r.txt", "公司概况\n\n2 岁月如歌\n\n公司在发展中坚持以人为本，关爱员工。\n");
  EXPECT_EQ(Role(titles, 2), "heading");
  EXPECT_EQ(ContentsFlags("3以人为本\n9以质取胜\n17社区公益\n"),
            (std::vector<std::string>{"3以人为本", "9以质取胜", "17社区公益"}));
}

TEST(StructureTest, ATitleTheContentsListIsAHeadingWithoutBlankLines) {
  Document doc = Document::FromUtf8("r.txt",
                                    "目录\n领导致辞..........-3 -\n编写说明..........-6-\n"
                                    "三、\t报告组织范围..........-6-\n"
                                    "唐山港集团2016年度社会责任报告\n领导致辞\n尊敬的各界朋友：\n"
                                    "感谢社会各界对公司的支持和关注，我们将继续努力。\n");
  const Structure& s = doc.structure();
  std::vector<std::string> entries = TocEntries(s);
  EXPECT_EQ(entries, (std::vector<std::string>{"领导致辞 3", "编写说明 6", "报告组织范围 6"}));
  EXPECT_EQ(Role(doc, 5), "heading");
  EXPECT_EQ(s.line(5).flags & ESGAUDIT_LINE_TOC, 0u);
  EXPECT_EQ(Role(doc, 6), "other");
}

TEST(StructureTest, ContentIndexRegionsWhateverTheScheme) {
  // An OCR-damaged title, GRI Standards codes and bare G4 codes in a second column, wrapped rows.
  Document doc = Document::FromUtf8("r.txt",
                                    "公司持续完善治理结构，保障股东权益。\n"
                                    "GR丨内容索引\n"
                                    "102-1\t组织名称\tEC1\t5\n"
                                    "102-2\t活动、品牌、产品和服务\tEC2\t6\n"
                                    "\t（续）\t\t\n"
                                    "102-8\t员工和其他工作者的信息\tLA12\t23\n"
                                    "305-1\t直接温室气体排放\tEN15\t14\n"
                                    "G4-10\t员工总数\t\t22\n"
                                    "\n"
                                    "展望2021年，公司将继续推进绿色发展。\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.index_regions().size(), 1u);
  const IndexRegion& r = s.index_regions()[0];
  EXPECT_EQ(r.first_line, 1u);  // the damaged title belongs to it
  EXPECT_EQ(r.last_line, 7u);
  EXPECT_EQ(r.rows, 5u);
  EXPECT_EQ(r.schemes, ESGAUDIT_INDEX_GRI | ESGAUDIT_INDEX_G4);
  EXPECT_EQ(Role(doc, 4), "index-row");  // the wrapped row
  EXPECT_FALSE(s.IsBody(3));
  EXPECT_TRUE(s.IsBody(9));
  // Too few rows is no index: a paragraph citing two disclosures.
  Document two = Document::FromUtf8("r.txt", "102-1\t组织名称\n305-1\t直接排放\n");
  EXPECT_TRUE(two.structure().index_regions().empty());
}

TEST(StructureTest, AnExchangeIndexWrittenAsOneHtmlLineWithArabicArticleNumbers) {
  // The whole index is one line of HTML (OCR to Markdown); articles printed 第50条 or 第五十条.
  Document doc = Document::FromUtf8(
      "r.md",
      "公司持续完善治理结构。\n\n"
      "## 指标索引\n\n"
      "<table><tr><td>报告章节</td><td>指引条款</td></tr><tr><td>报告说明</td><td>第4条、第6条</td></tr>"
      "<tr><td>ESG治理</td><td>第11条</td></tr><tr><td>应对气候变化</td><td>第21条</td></tr>"
      "<tr><td>员工权益</td><td>第五十条</td></tr><tr><td>商业道德</td><td>第 55 条</td></tr></table>\n\n"
      "展望未来，公司将继续推进绿色发展。\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.index_regions().size(), 1u);
  EXPECT_EQ(s.index_regions()[0].schemes, ESGAUDIT_INDEX_EXCHANGE);
  EXPECT_EQ(s.index_regions()[0].first_line, 2u);  // its title
  EXPECT_EQ(s.index_regions()[0].last_line, 4u);
  std::vector<std::string> codes;
  for (const IndexRow& r : s.index_rows()) codes.push_back(r.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"第4条", "第11条", "第21条", "第五十条", "第55条"}));
  EXPECT_FALSE(s.IsBody(4));
  EXPECT_TRUE(s.IsBody(6));
  // An article number is one or two digits: 第2024条 or 第100条 is not an article of the guideline.
  Document year = Document::FromUtf8("r.txt", "第100条\t甲\n第2024条\t乙\n第0条\t丙\n第300条\t丁\n第999条\t戊\n");
  EXPECT_TRUE(year.structure().index_regions().empty());
}

TEST(StructureTest, ContentIndexRowsWithTheirTextReferenceAndOmissions) {
  // Rows numbered 1..58 for the G4 general disclosures above the coded rows (as some 2016 reports
  // print them), a row wrapped over two lines, a row marked as not reported, two codes on one line.
  Document doc = Document::FromUtf8("r.txt",
                                    "G4指标索引\n"
                                    "1\t机构最高决策者的声明\t包含\tP1\n"
                                    "3\t机构名称\t包含\tP3\n"
                                    "4\t主要品牌\t包含\tP3\n"
                                    "10\t员工总数\t包含\tP40\n"
                                    "12\t供应链\t包含\tP58\n"
                                    "EC1\t直接经济价值\t包含\tP8\n"
                                    "EN8\t总取水量\t—\n"
                                    "EN16\t能源间接温室气体排放\n"
                                    "LA1\t新进员工和员工流动\n"
                                    "\t（按年龄、性别）\tP40\n"
                                    "LA9\t培训小时\tP41\tSO4\t反腐败培训\tP12\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.index_regions().size(), 1u);
  EXPECT_EQ(s.index_regions()[0].first_line, 0u);
  std::vector<std::string> codes;
  for (const IndexRow& r : s.index_rows()) codes.push_back(r.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"G4-1", "G4-3", "G4-4", "G4-10", "G4-12", "EC1", "EN8", "EN16", "LA1",
                                             "LA9", "SO4"}));
  const IndexRow& numbered = s.index_rows()[3];
  EXPECT_EQ(numbered.flags, ESGAUDIT_INDEX_ROW_NUMBERED);
  EXPECT_EQ(doc.text().substr(numbered.offset, numbered.length), "10");
  EXPECT_EQ(numbered.reference, "P40");
  EXPECT_EQ(s.index_rows()[6].flags, ESGAUDIT_INDEX_ROW_OMITTED);   // EN8: "—"
  EXPECT_EQ(s.index_rows()[7].reference, "");  // EN16: its title only, it points nowhere
  EXPECT_EQ(s.index_rows()[8].reference, "P40");                    // LA1: on its wrapped line
  EXPECT_NE(s.index_rows()[8].text.find("按年龄"), std::string::npos);
  EXPECT_EQ(s.index_rows()[9].reference, "P41");                    // LA9 ends before SO4
  EXPECT_EQ(s.index_rows()[10].reference, "P12");
  EXPECT_EQ(s.index_rows()[5].reference, "P8");
  // Numbers in a table with no G4 codes below are no index.
  Document plain = Document::FromUtf8("r.txt", "1\t张江厂\t100\n2\t金桥厂\t200\n3\t深圳厂\t300\n"
                                               "4\t昆山厂\t400\n5\t台湾厂\t500\n");
  EXPECT_TRUE(plain.structure().index_rows().empty());
}

TEST(StructureTest, HkexEsgCodesAreLabelledHkexNotCass) {
  Document doc = Document::FromUtf8("r.txt",
                                    "环境、社会及管治报告指引内容索引\n"
                                    "A1.1\t排放物种类及相关排放数据\t12\n"
                                    "A1.2\t温室气体总排放量\t12\n"
                                    "A2.1\t能源总耗量\t13\n"
                                    "B1.1\t按性别划分的雇员总数\t20\n"
                                    "B5.1\t按地区划分的供应商数目\t25\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.index_regions().size(), 1u);
  EXPECT_EQ(s.index_regions()[0].schemes, ESGAUDIT_INDEX_HKEX);
  for (const IndexRow& r : s.index_rows()) EXPECT_EQ(r.scheme, ESGAUDIT_INDEX_HKEX) << r.code;
  // CASS-CSR codes without HKEX's B codes stay CASS.
  Document cass = Document::FromUtf8("r.txt", "P1.1\t报告规范\t1\nP2.1\t高管致辞\t2\nG1.1\t治理\t3\n"
                                              "M1.1\t市场\t4\nA1.1\t后记\t5\n");
  ASSERT_EQ(cass.structure().index_regions().size(), 1u);
  EXPECT_EQ(cass.structure().index_regions()[0].schemes, ESGAUDIT_INDEX_CASS);
}

TEST(StructureTest, HeadingsAndSectionsNumberedAndUnnumbered) {
  Document doc = Document::FromUtf8("r.txt",
                                    "\n关于我们\n\n"
                                    "公司是国内重要的绿色铝供应商，主营铝产品的生产和销售。\n"
                                    "第二章 绿色运营\n"
                                    "（一）应对气候变化\n"
                                    "公司完成七种产品碳足迹认证，温室气体排放持续下降。\n"
                                    "1.1 能源管理\n"
                                    "全年节约标准煤3万吨，减少二氧化碳排放8万吨。\n"
                                    "（二）达标排放\n"
                                    "公司主要污染物全部达标排放，未发生环境污染事件。\n");
  const Structure& s = doc.structure();
  std::vector<std::string> got;
  for (const Section& sec : s.sections()) {
    got.push_back(std::to_string(sec.level) + " " + sec.number + "|" + sec.title + " " +
                  std::to_string(sec.line) + "-" + std::to_string(sec.last_line) + " ^" +
                  (sec.parent == kNoIndex ? std::string("-") : std::to_string(sec.parent)));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"1 |关于我们 1-3 ^-", "1 第二章|绿色运营 4-10 ^-",
                                           "2 (一)|应对气候变化 5-6 ^1", "2 1.1|能源管理 7-8 ^1",
                                           "2 (二)|达标排放 9-10 ^1"}));
  EXPECT_EQ(s.line(8).section, 3u);  // (一) and 1.1 are both second-level
  EXPECT_EQ(s.line(10).section, 4u);
  EXPECT_EQ(s.line(0).section, kNoIndex);
  EXPECT_EQ(s.line(5).heading_level, 2u);
}

// A Han section number opening a title of 12 code points or more (its 、 and its length read as
// prose otherwise), and a number alone in its cell with the title in the next, are headings. Near
// misses: a numbered sentence, an Arabic list number, a title with a comma in the number's own cell.
TEST(StructureTest, HanNumberedTitlesOfTwelveCodePointsOrMoreAndTitlesInTheCellAfterTheirNumber) {
  Document doc = Document::FromUtf8("r.txt",
                                    "八、社会责任之于公益事业与志愿服务\n"
                                    "公司一直高度重视扶贫济困和公益慈善工作，全年投入82.77万元。\n"
                                    "（一）\t扶贫济困工作\n"
                                    "公司编制下发扶贫济困工作管理细则，明确了管理界面和工作职责。\n"
                                    "（二）\t扎实做好节能减排工作，努力节约资源\n"
                                    "公司将提质增效、降本增效作为长效举措，全年节约标准煤3万吨。\n"
                                    "九、公司坚持绿色发展，全面完成年度节能减排目标任务。\n"
                                    "1、完善安全生产责任制度与考核办法\n"
                                    "（三）加强组织领导，落实工作责任\n");
  const Structure& s = doc.structure();
  std::vector<std::string> got;
  for (const Section& sec : s.sections()) {
    got.push_back(std::to_string(sec.level) + " " + sec.number + "|" + sec.title + " " + std::to_string(sec.line));
  }
  EXPECT_EQ(got, (std::vector<std::string>{"1 八、|社会责任之于公益事业与志愿服务 0", "2 (一)|扶贫济困工作 2",
                                           "2 (二)|扎实做好节能减排工作,努力节约资源 4"}));
  EXPECT_EQ(Role(doc, 6), "prose");
  EXPECT_NE(Role(doc, 7), "heading");
  EXPECT_NE(Role(doc, 8), "heading");
}

TEST(StructureTest, AnUnnumberedTitleBetweenParagraphsWithoutBlankLines) {
  const std::string body_a = "          公司持续完善治理结构，保障股东和债权人的合法权益，全年召开股东大会三次。\n";
  const std::string body_b = "          公司坚持绿色发展理念，持续推进节能减排工作，全年完成各项环保目标任务。\n";
  // Set apart by its column, after a sentence's end, before running text: a heading.
  Document doc = Document::FromUtf8("r.txt", body_a + "                    绿色发展\n" + body_b);
  EXPECT_EQ(Role(doc, 1), "heading");
  ASSERT_EQ(doc.structure().sections().size(), 1u);
  EXPECT_EQ(doc.structure().sections()[0].title, "绿色发展");
  // In the paragraph's own column it may be a one-line paragraph: left alone.
  Document same = Document::FromUtf8("r.txt", body_a + "          绿色发展\n" + body_b);
  EXPECT_NE(Role(same, 1), "heading");
  // After a line that does not end a sentence it is the tail of that sentence.
  Document tail = Document::FromUtf8(
      "r.txt", "          公司持续完善治理结构，保障股东和债权人的合法权益，全年召开\n"
               "                    股东大会三次\n" + body_b);
  EXPECT_NE(Role(tail, 1), "heading");
  // Not before a short line (a chart label or a slogan).
  Document label = Document::FromUtf8("r.txt", body_a + "                    绿色发展\n          节能减排\n");
  EXPECT_NE(Role(label, 1), "heading");
}

TEST(StructureTest, ALabelStackedOverItsFigureIsNoHeading) {
  // A short line alone at the top of a page (the page number above is furniture, a blank line
  // below) reads like a title; when a figure alone follows it, it is the figure's label.
  const std::string page_end = "公司持续完善治理结构，保障股东和债权人的合法权益。\n\n12\n\f";
  Document doc = Document::FromUtf8("r.txt", page_end + "污水处理达标率\n\n98.5 %\n\n" + page_end +
                                                 "节能减排\n\n公司坚持绿色发展理念，持续推进节能减排工作。\n\n" +
                                                 page_end + "新增绿化面积\n\n\n\n3,200亩\n");
  EXPECT_EQ(doc.structure().line(LineWith(doc, "12")).flags & ESGAUDIT_LINE_PAGE_NUMBER,
            ESGAUDIT_LINE_PAGE_NUMBER);
  EXPECT_EQ(Role(doc, LineWith(doc, "污水处理达标率")), "other");
  EXPECT_EQ(Role(doc, LineWith(doc, "节能减排")), "heading");
  EXPECT_EQ(Role(doc, LineWith(doc, "新增绿化面积")), "other");
  // A figure is no numbered heading: "1.1 GW" and "99,121" have no title after their number.
  Document figures = Document::FromUtf8("r.txt", "装机容量\n\n1.1 GW\n\n99,121\n\n1.1 Our approach\n\n1.2 绿色发展\n");
  EXPECT_NE(Role(figures, 2), "heading");
  EXPECT_NE(Role(figures, 4), "heading");
  EXPECT_EQ(Role(figures, 6), "heading");
  EXPECT_EQ(Role(figures, 8), "heading");
  // A figure within a sentence below is no lone figure: the title stays.
  Document prose = Document::FromUtf8("r.txt", page_end + "员工培训\n\n2020年公司开展培训1041个班次。\n");
  EXPECT_EQ(Role(prose, LineWith(prose, "员工培训")), "heading");
}

// Long figures with thousands separators (12,651,200; 2,831,400.00) are cells of a tab table, not
// prose with commas: the rows holding them stay rows of the table up to its 合计 row.
TEST(StructureTest, LongFiguresWithThousandsSeparatorsKeepATabRowInItsTable) {
  Document doc = Document::FromUtf8("r.txt",
                                    "年份\t股本（股）\t方案\t分红（元）\n"
                                    "2004\t17,160,000\t10送1股\t-\n"
                                    "2005\t18,876,000\t10送2股派1.50元\t2,831,400.00\n"
                                    "2006\t22,651,200\t10派2.00元\t4,530,240.00\n"
                                    "合计\t\t\t7,361,640.00\n"
                                    "\n"
                                    "总体而言,公司的分红政策稳定,股东回报持续\t提升\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  EXPECT_EQ(s.tables()[0].first_line, 0u);
  EXPECT_EQ(s.tables()[0].last_line, 4u);
  EXPECT_EQ(Role(doc, 4), "table-row");
  EXPECT_NE(Role(doc, 6), "table-row");  // a sentence with commas is still prose
  // So is a figure's separator inside a row label's note (另有劳务派遣用工5,093人).
  Document note = Document::FromUtf8("r.txt",
                                     "项目类别\t人数\t占比\n"
                                     "员工总人数（人）（另有劳务派遣用工5,093人）\t362,482\t100.00%\n"
                                     "男性员工（人）\t166,241\t45.86%\n"
                                     "女性员工（人）\t196,241\t54.14%\n"
                                     "\n"
                                     "我们关爱员工,保障员工的各项合法权益\t提升\n");
  ASSERT_EQ(note.structure().tables().size(), 1u);
  EXPECT_EQ(note.structure().tables()[0].first_line, 0u);
  EXPECT_EQ(Role(note, 1), "table-row");
  EXPECT_NE(Role(note, 5), "table-row");
}

// A column of worded cells that carry figures inside them (plans: "每人2次,每次3小时") is a label
// column: its commas keep no row of the table around it from the table. A cell of figures with units,
// a sentence, or such a row with no row of as many cells beside it stays prose.
TEST(StructureTest, AColumnOfWordedPlansKeepsItsRowsInTheTable) {
  Document doc = Document::FromUtf8("r.txt",
                                    "年度\t人数\t培训安排\t课时\t费用（万元）\n"
                                    "2019年\t120\t每人2次,每次3小时,另加1次考核\t720\t12.50\n"
                                    "2020年\t150\t每人4次\t1,800\t20.00\n"
                                    "2021年\t180\t每人3次,每次2小时,外加1次考核\t1,260\t18.40\n"
                                    "2022年\t200\t每人2次,每次4小时,另加1次考核\t1,600\t21.10\n"
                                    "合计\t\t\t5,380\t72.00\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  EXPECT_EQ(s.tables()[0].first_line, 0u);
  EXPECT_EQ(s.tables()[0].last_line, 5u);
  EXPECT_EQ(Role(doc, 1), "table-row");
  EXPECT_EQ(Role(doc, 3), "table-row");  // two such rows in a run
  EXPECT_EQ(Role(doc, 4), "table-row");
  // Near misses: figures with their units (more digits than words), a sentence with its end, and a
  // worded row whose neighbours have other cell counts.
  Document units = Document::FromUtf8("r.txt",
                                      "年度\t人数\t投入\t课时\t费用\n"
                                      "2019年\t120\t1,234万元,5,678万元\t720\t12.50\n"
                                      "2020年\t150\t每人4次\t1,800\t20.00\n");
  EXPECT_NE(Role(units, 1), "table-row");
  Document sentence = Document::FromUtf8("r.txt",
                                         "年度\t人数\t培训安排\t课时\t费用\n"
                                         "2019年\t120\t每人2次,全年覆盖全体员工。\t720\t12.50\n"
                                         "2020年\t150\t每人4次\t1,800\t20.00\n");
  EXPECT_NE(Role(sentence, 1), "table-row");
  Document alone = Document::FromUtf8("r.txt",
                                      "年度\t人数\t培训安排\t课时\n"
                                      "2019年\t120\t每人2次,每次3小时,另加1次考核\t720\t12.50\n"
                                      "\n"
                                      "2020年\t150\t每人4次\t1,800\n");
  EXPECT_NE(Role(alone, 1), "table-row");
}

TEST(StructureTest, TablesWithHeaderKindUnitAndTotals) {
  Document doc = Document::FromUtf8("r.txt",
                                    "单位：万元\n"
                                    "指标\t2018年\t2019年\t2020年\n"
                                    "营业收入\t100\t120\t150\n"
                                    "利润总额\t10\t12\t15\n"
                                    "\n"
                                    "| 类别 | 男 | 女 | 合计 |\n"
                                    "|---|---|---|---|\n"
                                    "| 员工 | 500 | 240 | 740 |\n"
                                    "| 合计 | 500 | 240 | 740 |\n"
                                    "\n"
                                    "<table><tr><th>地区</th><th>人数</th></tr><tr><td>云南</td><td>700</td></tr></table>\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 3u);
  const Table& years = s.tables()[0];
  EXPECT_EQ(years.first_line, 1u);
  EXPECT_EQ(years.last_line, 3u);
  EXPECT_EQ(years.header_line, 1u);
  EXPECT_EQ(years.kind, ESGAUDIT_TABLE_TIME_SERIES);
  EXPECT_EQ(years.unit, "万元");
  EXPECT_EQ(years.source, ESGAUDIT_TABLE_SOURCE_TABS);
  EXPECT_EQ(years.columns, 4u);
  const Table& sexes = s.tables()[1];
  EXPECT_EQ(sexes.header_line, 5u);
  EXPECT_EQ(sexes.kind, ESGAUDIT_TABLE_CATEGORIES);
  EXPECT_EQ(sexes.total_column, 3u);
  EXPECT_EQ(sexes.total_line, 8u);
  EXPECT_EQ(sexes.source, ESGAUDIT_TABLE_SOURCE_PIPES);
  const Table& html = s.tables()[2];
  EXPECT_EQ(html.source, ESGAUDIT_TABLE_SOURCE_HTML);
  EXPECT_EQ(html.columns, 2u);
  EXPECT_EQ(Role(doc, 2), "table-row");
  EXPECT_EQ(s.line(2).table, 0u);
}

// A line of pdftotext -layout output: each text placed at its display column (1-based).
std::string Laid(std::vector<std::pair<int, std::string>> parts) {
  std::string out;
  int col = 1;
  for (const auto& [at, text] : parts) {
    while (col < at) {
      out += ' ';
      ++col;
    }
    out += text;
    col += static_cast<int>(text.size());  // ASCII only
  }
  return out + "\n";
}

TEST(StructureTest, WhitespaceAlignedTablesWithHeaderLabelsAndKind) {
  // Years centred a little left of their right-aligned figures, a group title under the header,
  // blank lines between rows, a placeholder for a missing value, a unit in the caption.
  std::string text = "Operational indicators (unit: tonnes)\n" +
                     Laid({{50, "2021"}, {62, "2022"}, {74, "2023"}}) + "\nWASTE\n\n" +
                     Laid({{2, "Total waste"}, {50, "1,993"}, {62, "2,049"}, {74, "2,113"}}) + "\n" +
                     Laid({{2, "  Hazardous waste"}, {50, "1,025"}, {64, "558"}, {76, "698"}}) + "\n" +
                     Laid({{2, "  Other waste"}, {52, "968"}, {62, "1,491"}, {74, "1,415"}}) + "\n" +
                     Laid({{2, "Recovery rate (%)"}, {53, "nd"}, {63, "41.2"}, {75, "44.0"}}) + "\n\n" +
                     "The rate rose because two new sites sort their waste.\n\n" +
                     // A label and one value per row, under a header: a two-column table.
                     Laid({{1, "Region"}, {40, "Share (%)"}}) +
                     Laid({{1, "Europe"}, {43, "26"}}) + Laid({{1, "Asia"}, {43, "30"}}) +
                     Laid({{1, "Africa"}, {44, "4"}});
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 2u);
  const Table& waste = s.tables()[0];
  EXPECT_EQ(waste.source, ESGAUDIT_TABLE_SOURCE_ALIGNED);
  EXPECT_EQ(waste.header_line, 1u);
  EXPECT_EQ(waste.first_line, 1u);
  EXPECT_EQ(waste.last_line, LineWith(doc, "Recovery rate"));
  EXPECT_EQ(waste.kind, ESGAUDIT_TABLE_TIME_SERIES);
  EXPECT_EQ(waste.unit, "tonnes");
  EXPECT_EQ(waste.total_line, LineWith(doc, "Total waste"));
  EXPECT_EQ(waste.columns, 4u);
  EXPECT_EQ(Role(doc, LineWith(doc, "Other waste")), "table-row");
  EXPECT_EQ(Role(doc, LineWith(doc, "The rate rose")), "prose");
  const Table& regions = s.tables()[1];
  EXPECT_EQ(regions.header_line, LineWith(doc, "Region"));
  EXPECT_EQ(regions.last_line, LineWith(doc, "Africa"));
  EXPECT_EQ(regions.columns, 2u);
}

TEST(StructureTest, WhatIsAlignedButNoTable) {
  // Rows whose figures do not stand in the same columns.
  std::string text = Laid({{1, "Employees"}, {30, "1,200"}, {42, "1,300"}}) +
                     Laid({{1, "Contractors"}, {55, "800"}, {70, "900"}}) +
                     Laid({{1, "Visitors"}, {12, "20"}, {20, "30"}}) + "\n\n\n\n";
  // A page of two text columns: sentences side by side, a year or a figure among the words.
  for (int k = 0; k < 4; ++k)
    text += Laid({{1, "the company reduced its water use in"}, {50, "2023 and plans further cuts over"}});
  text += "\n\n\n\n";
  // An infographic: lines of figures without a row label, and labels beside figures in CJK.
  text += Laid({{1, "1,200人"}, {20, "98%"}, {40, "300万元"}}) + Laid({{1, "2,400人"}, {20, "97%"}, {40, "310万元"}}) +
          Laid({{1, "3,600人"}, {20, "96%"}, {40, "320万元"}}) + "\n\n\n\n";
  text += Laid({{1, "营业收入"}, {20, "26亿元"}, {40, "净利润"}, {60, "3亿元"}}) +
          Laid({{1, "员工总数"}, {20, "1200人"}, {40, "女性员工"}, {60, "300人"}}) +
          Laid({{1, "公益投入"}, {20, "500万元"}, {40, "志愿者"}, {60, "80人"}}) + "\n\n\n\n";
  // Stacked label/value lines.
  text += "培训覆盖率\n98%\n体检人数\n1150人\n安全投入\n300万元\n\n\n\n";
  // A list of contents with its pages, and labelled figures without a header.
  text += Laid({{1, "About this report"}, {60, "3"}}) + Laid({{1, "Water"}, {60, "4"}}) +
          Laid({{1, "Packaging"}, {60, "5"}}) + Laid({{1, "Climate"}, {60, "6"}}) + "\n\n\n\n";
  text += Laid({{1, "Patents granted"}, {40, "89"}}) + Laid({{1, "Volunteers"}, {40, "1,020"}}) +
          Laid({{1, "Suppliers audited"}, {40, "45"}});
  Document doc = Document::FromUtf8("r.txt", text);
  EXPECT_TRUE(doc.structure().tables().empty()) << doc.structure().tables()[0].first_line;
}

TEST(StructureTest, RowsJoinedWithSingleSpacesAreAnAlignedTable) {
  // A plain-text export that joined each row's cells with single spaces: a caption with a footnote
  // marker, rows of a label and the same number of values (dashes for none), a group title
  // splitting two tables, and prose ending in figures around them.
  std::string text =
      "Year ended December 31, 2019 2020 2021\n"
      "Visits by Region1\n"
      "Total 1,210 1,330 1,402\n"
      "North 410 — 502\n"
      "South and East 800 1,330 900\n"
      "Share of women (global)2\n"
      "Senior staff 31% 33.5% 35.0%\n"
      "Other staff 44% 45.1% 46.2%\n"
      "All staff 41% 43.0% 44.1%\n"
      "Share of men (global)\n"
      "Lakes 6% 10\n"
      "funds to reduce water losses. Rivers 5% 5\n"
      "Seas 7% 9\n"
      "We opened 12 sites in 2021 and 2022\n"
      "Sites opened 4 5\n"
      "Sites closed 2 3\n"
      "Scope 1 emissions 120 130\n";
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 2u);
  EXPECT_EQ(s.tables()[0].source, ESGAUDIT_TABLE_SOURCE_ALIGNED);
  EXPECT_EQ(s.tables()[0].first_line, LineWith(doc, "Total 1,210"));
  EXPECT_EQ(s.tables()[0].last_line, LineWith(doc, "South and East"));
  EXPECT_EQ(s.tables()[1].first_line, LineWith(doc, "Senior staff"));
  EXPECT_EQ(s.tables()[1].last_line, LineWith(doc, "All staff"));
  // Two rows only (a digit inside a label ends the run), prose and a title are no rows.
  EXPECT_NE(Role(doc, LineWith(doc, "Sites opened")), "table-row");
  EXPECT_NE(Role(doc, LineWith(doc, "We opened")), "table-row");
  EXPECT_NE(Role(doc, LineWith(doc, "Year ended")), "table-row");
  EXPECT_NE(Role(doc, LineWith(doc, "Lakes")), "table-row");  // a sentence in the middle row
}

// In a document that writes its thousands with spaces (groups opening with 0 in its prose, no comma
// separator), rows joined with single spaces whose figures the fact reader reads whole (`1 973 909`)
// are not split into a cell per group: such lines are no rows. Three-digit cells the fact reader keeps
// apart (`120 188 259`) are still rows, and the same figures in a document with comma separators
// are a cell each.
TEST(StructureTest, FiguresWithSpaceThousandsAreNotSplitIntoCells) {
  const std::string prose = "Our farms cover 15 000 hectares, feed 72 000 cattle and employ 3 050 people.\n\n";
  const std::string grouped =
      "Biomass 1 973 909 1 974 748\n"
      "Paper 2 900 331 2 934 237\n"
      "Glass 1 100 500 1 100 700\n";
  const std::string cells =
      "\nAfrica 120 188 259\n"
      "Europe 310 402 515\n"
      "Asia 220 330 440\n";
  Document spaced = Document::FromUtf8("r.txt", prose + grouped + cells);
  ASSERT_EQ(spaced.structure().tables().size(), 1u);
  EXPECT_EQ(spaced.structure().tables()[0].first_line, LineWith(spaced, "Africa"));
  EXPECT_NE(Role(spaced, LineWith(spaced, "Biomass")), "table-row");
  Document comma = Document::FromUtf8("r.txt", "Revenue rose to 1,250 million.\n" + prose + grouped + cells);
  ASSERT_EQ(comma.structure().tables().size(), 2u);
  EXPECT_EQ(comma.structure().tables()[0].first_line, LineWith(comma, "Biomass"));
}

// A row joined with single spaces needs a digit and a first label token that could end or open a
// label: a footnote marker glued to a one-word label, a BEL around it and an abbreviation opening a
// bracket keep their rows; a first token of CJK, one ending a clause or opening with a digit, and a
// line without a figure are no rows, and split the table they stand in.
TEST(StructureTest, ASpaceJoinedRowsFirstTokenAndFigureDecideBeforeTheRest) {
  const std::string above = "Region1 12 34\n\aSouth\a 5 6\n(exc. hydro) 7 8\n";
  const std::string below = "East 3 4\nWest 5 6\nNorth 1 2\n";
  Document whole = Document::FromUtf8("r.txt", above + below);
  ASSERT_EQ(whole.structure().tables().size(), 1u);
  EXPECT_EQ(whole.structure().tables()[0].first_line, 0u);
  EXPECT_EQ(whole.structure().tables()[0].last_line, 5u);
  for (const std::string between : {"中国 12 34", "Total: 12 34", "Total. 12 34", "1Total 12 34", "Africa — —"}) {
    Document doc = Document::FromUtf8("r.txt", above + between + "\n" + below);
    const Structure& s = doc.structure();
    ASSERT_EQ(s.tables().size(), 2u) << between;
    EXPECT_EQ(s.tables()[0].last_line, 2u) << between;
    EXPECT_EQ(s.tables()[1].first_line, 4u) << between;
    EXPECT_NE(Role(doc, 3), "table-row") << between;
  }
}

TEST(StructureTest, SpaceJoinedRowsOfDifferentWidthsAreNoTable) {
  // Lines ending in figures, each with another number of them: labelled figures in prose, not rows.
  std::string text =
      "Revenue grew 5 7\n"
      "Employees 1,200 1,300 1,400\n"
      "Suppliers 45 50 55 60\n"
      "Volunteers 80 90 100 110 120\n";
  Document doc = Document::FromUtf8("r.txt", text);
  EXPECT_TRUE(doc.structure().tables().empty()) << doc.structure().tables()[0].first_line;
}

// A table's grid as rows of cell texts; "-" where no cell covers the position.
std::vector<std::vector<std::string>> GridTexts(const Structure& s, const Table& t) {
  std::vector<std::vector<std::string>> out(t.grid_rows, std::vector<std::string>(t.grid_columns, "-"));
  for (uint32_t k = 0; k < t.grid_cell_count; ++k) {
    const TableCell& c = s.table_cells()[t.first_grid_cell + k];
    for (uint32_t r = c.row; r < c.row + c.row_span; ++r) {
      for (uint32_t col = c.column; col < c.column + c.column_span; ++col) out[r][col] = c.text;
    }
  }
  return out;
}

TEST(StructureTest, RowsSharingTheirLinesWithAnotherColumnAreSplitFromItsProse) {
  // A two-column page extracted line by line: each row of the table (cells joined with single
  // spaces, a marker glued to a figure) may go on with words of the prose column beside it, and
  // lines of that prose (up to three) stand between rows. The rows are one table whose grid leaves
  // the prose out; the prose lines between stay prose.
  std::string text =
      "Resources\n"
      "Water drawn Megalitres 2,400(A) 2,310* 2,290 Our sites share water with\n"
      "farms and towns downstream, so\n"
      "Water returned Megalitres 2,100 2,050 2,010 each plant reports what it takes\n"
      "and what it gives back to the\n"
      "river every month.\n"
      "Water consumed Megalitres 300 260 280\n"
      "Energy used (exc. fleet) GWh 410 398 – and the managers review it.\n";
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  const Table& t = s.tables()[0];
  EXPECT_EQ(t.first_line, LineWith(doc, "Water drawn"));
  EXPECT_EQ(t.last_line, LineWith(doc, "Energy used"));
  EXPECT_EQ(GridTexts(s, t), (std::vector<std::vector<std::string>>{
                                 {"Water drawn Megalitres", "2,400", "2,310", "2,290"},
                                 {"Water returned Megalitres", "2,100", "2,050", "2,010"},
                                 {"Water consumed Megalitres", "300", "260", "280"},
                                 {"Energy used (exc. fleet) GWh", "410", "398", "\xE2\x80\x93"}}));
  EXPECT_EQ(Role(doc, LineWith(doc, "farms and towns")), "prose");
  EXPECT_EQ(Role(doc, LineWith(doc, "river every month")), "prose");
}

TEST(StructureTest, RowsBetweenProseLinesWithoutASecondColumnAreNoTable) {
  // The same rows without words of another column on any of them: prose between two rows ends
  // the run, so neither piece of two rows is a table. A one-column paragraph with figures in it
  // stays prose.
  std::string text =
      "Water drawn Megalitres 2,400 2,310 2,290\n"
      "Water returned Megalitres 2,100 2,050 2,010\n"
      "Our sites share water with farms.\n"
      "Water consumed Megalitres 300 260 280\n"
      "Energy used GWh 410 398 390\n"
      "\n"
      "In the year the sites drew 2,400 2,310 megalitres less than planned and\n"
      "returned most of it to the river, as the permits require each year.\n";
  Document doc = Document::FromUtf8("r.txt", text);
  EXPECT_TRUE(doc.structure().tables().empty()) << doc.structure().tables()[0].first_line;
  EXPECT_EQ(Role(doc, LineWith(doc, "In the year")), "prose");
  // Numbers written with a space as thousands separator in prose ("15 000") are no two values: the
  // lines are no rows, though the last one reads as a row going on with words.
  Document spaced = Document::FromUtf8("r.txt",
                                       "Our farms cover around 15 000\n"
                                       "hectares in three regions, yielding 72 000 tonnes of\n"
                                       "grain and 9 100 tonnes of feed this year.\n");
  EXPECT_TRUE(spaced.structure().tables().empty()) << spaced.structure().tables()[0].first_line;
}

TEST(StructureTest, RowsWhoseLabelsOpenWithProseOfAnotherColumnAreOneTable) {
  // The mirror of a prose tail: a two-column page whose extraction put the end of each line of the
  // left column's prose before a row of the table on the right. A row whose label opens with a
  // piece of a sentence (lower-case, a clause comma) shows the second column: lines of that prose
  // between rows stay prose, and the row after them is a row of the same table.
  std::string text =
      "Visits by type 2019 2020 2021\n"
      "steps, and the teams on each site work on them Site visits 40 52 61\n"
      "with the local councils in every region Remote reviews 12 18 20\n"
      "before the season starts. Each plan\n"
      "Total reviews 52 70 81\n"
      "is published once it is agreed.\n";
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  const Table& t = s.tables()[0];
  EXPECT_EQ(t.first_line, LineWith(doc, "steps, and"));
  EXPECT_EQ(t.last_line, LineWith(doc, "Total reviews"));
  EXPECT_EQ(Role(doc, LineWith(doc, "before the season")), "prose");
  EXPECT_EQ(Role(doc, LineWith(doc, "Total reviews")), "table-row");
  EXPECT_EQ(GridTexts(s, t).back(), (std::vector<std::string>{"Total reviews", "52", "70", "81"}));
}

TEST(StructureTest, ProseOfAnotherColumnWithoutASentenceEndIsCutFromTheRowLabelAtTheColumnWidth) {
  // Rows under a header of period columns, each after a line of the left column's prose that has
  // no sentence end: the prose is as wide as that column's lines between the rows, so the label
  // starts at the title-case word after it. Near misses in the same table: a label whose words
  // after the capital are not in title case, one whose capital follows a joining word, and short
  // labels of the table's own keep every word.
  std::string text =
      "Waste by Stream (kilotonnes) 2022 2023\n"
      "in the last two years we have changed how our depots\n"
      "count the loads, and we now weigh every single truck Mixed Paper and Card (offices and shops) 12.5 11.0\n"
      "as it enters the yard and again as it leaves the\n"
      "Glass Bottles 4.2 4.0\n"
      "site, so that the totals we publish match the ones\n"
      "kept by the councils for their regional waste plans Plastic Film and Wrap 3.1 2.9\n"
      "Waste that depot crews collect at schools each Saturday morning 2.0 2.2\n"
      "Material recovered by the regional depots for the halls of Partner Councils 1.0 1.1\n"
      "Use of Sold Goods 0.5 0.4\n";
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  const Table& t = s.tables()[0];
  std::vector<std::string> labels;
  for (const std::vector<std::string>& row : GridTexts(s, t)) labels.push_back(row.front());
  EXPECT_EQ(labels, (std::vector<std::string>{"Mixed Paper and Card (offices and shops)", "Glass Bottles",
                                              "Plastic Film and Wrap",
                                              "Waste that depot crews collect at schools each Saturday morning",
                                              "Material recovered by the regional depots for the halls of Partner Councils",
                                              "Use of Sold Goods"}));
  EXPECT_EQ(Role(doc, LineWith(doc, "site, so that")), "prose");
  // Near miss: the same rows with a single line beside them (no column width to read) keep the
  // prose in their labels.
  std::string one_line = text;
  one_line.erase(one_line.find("site, so that"), std::string("site, so that the totals we publish match the ones\n").size());
  Document d1 = Document::FromUtf8("r.txt", one_line);
  ASSERT_EQ(d1.structure().tables().size(), 1u);
  EXPECT_EQ(GridTexts(d1.structure(), d1.structure().tables()[0])[2].front(),
            "kept by the councils for their regional waste plans Plastic Film and Wrap");
}

TEST(StructureTest, LowerCaseLabelsWithoutAClauseAreNoSignOfASecondColumn) {
  // Near miss: lower-case labels of a table's own (sub-rows, no clause comma), a sentence between
  // the rows: the sentence still ends the run, and pieces of two rows are no table.
  std::string text =
      "of which women in the company 40 52 61\n"
      "of which men in the company 12 18 20\n"
      "Both groups grew again this year, as planned.\n"
      "Total staff 52 70 81\n"
      "of which new staff this year 9 11 13\n";
  Document doc = Document::FromUtf8("r.txt", text);
  EXPECT_TRUE(doc.structure().tables().empty()) << doc.structure().tables()[0].first_line;
  EXPECT_EQ(Role(doc, LineWith(doc, "Total staff")), "prose");
}

TEST(StructureTest, TwoHeaderWordsInOneTabSlotOverTwoFigureColumnsAreTwoHeaderCells) {
  // The header prints two titles one space apart in one tab slot; under it the rows hold figures
  // in that slot and the next, which the header leaves empty.
  auto grid = [](const std::string& header, const std::string& second_row) {
    Document doc = Document::FromUtf8("r.txt", "\t工厂\t\t" + header + "\t\t结论\n"
                                                   "\t东区工厂\t\t3\t12\t达标\n" +
                                                   second_row +
                                                   "\t北区工厂\t\t0\t7\t达标\n"
                                                   "\t合计\t\t5\t28\t达标\n");
    EXPECT_EQ(doc.structure().tables().size(), 1u);
    if (doc.structure().tables().empty()) return std::vector<std::vector<std::string>>();
    return GridTexts(doc.structure(), doc.structure().tables()[0]);
  };
  const std::string west = "\t西区工厂\t\t2\t9\t达标\n";
  EXPECT_EQ(grid("巡查次数 抽检批次数", west).front(),
            (std::vector<std::string>{"-", "工厂", "-", "巡查次数", "抽检批次数", "结论"}));
  EXPECT_EQ(grid("巡查次数 抽检批次数", west)[1], (std::vector<std::string>{"-", "东区工厂", "-", "3", "12", "达标"}));
  // Near misses, the cell kept whole: three words over two figure columns; words with no Han
  // character or with a digit (periods are split as periods); a slot under it holding text; a
  // bracketed note; header and rows on different slots; only one figure column under it.
  EXPECT_EQ(grid("巡查次数 抽检批次数 复检", west).front()[3], "巡查次数 抽检批次数 复检");
  EXPECT_EQ(grid("Site visits", west).front()[3], "Site visits");
  EXPECT_EQ(grid("巡查1组 巡查2组", west).front()[3], "巡查1组 巡查2组");
  EXPECT_EQ(grid("巡查次数 抽检批次数", "\t西区工厂\t\t2\t暂缓\t达标\n").front()[3], "巡查次数 抽检批次数");
  // A title wrapped over two lines with its note in brackets is one title.
  EXPECT_EQ(grid("处置数量 （批次）", west).front()[3], "处置数量 （批次）");
  // Header and rows disagree on their tab slots: no row holds anything under 结论.
  Document drift = Document::FromUtf8("r.txt",
                                      "\t工厂\t\t巡查次数 抽检批次数\t\t结论\n"
                                      "\t东区工厂\t\t3\t12\n"
                                      "\t西区工厂\t\t2\t9\n"
                                      "\t合计\t\t5\t21\n");
  ASSERT_EQ(drift.structure().tables().size(), 1u);
  EXPECT_EQ(GridTexts(drift.structure(), drift.structure().tables()[0]).front()[3], "巡查次数 抽检批次数");
  Document one = Document::FromUtf8("r.txt",
                                    "\t工厂\t\t巡查次数 抽检批次数\t结论\n"
                                    "\t东区工厂\t\t3\t达标\n"
                                    "\t西区工厂\t\t2\t达标\n"
                                    "\t合计\t\t5\t达标\n");
  ASSERT_EQ(one.structure().tables().size(), 1u);
  EXPECT_EQ(GridTexts(one.structure(), one.structure().tables()[0]).front()[3], "巡查次数 抽检批次数");
}

TEST(StructureTest, AlignedTablesCarryTheirValueSlotsAsGridCells) {
  // Rows joined with single spaces: the label, then one cell per value (a dash for none; BEL
  // around a value is no part of it), in the same columns on every row.
  Document joined = Document::FromUtf8("r.txt",
                                       "Visits by Region\n"
                                       "Total \a1,210\a 1,330 1,402\n"
                                       "North 410 \xE2\x80\x94 502\n"
                                       "South and East 800 1,330 900\n");
  ASSERT_EQ(joined.structure().tables().size(), 1u);
  const Table& t = joined.structure().tables()[0];
  EXPECT_EQ(t.grid_rows, 3u);
  EXPECT_EQ(t.grid_columns, 4u);
  EXPECT_EQ(GridTexts(joined.structure(), t),
            (std::vector<std::vector<std::string>>{{"Total", "1,210", "1,330", "1,402"},
                                                   {"North", "410", "\xE2\x80\x94", "502"},
                                                   {"South and East", "800", "1,330", "900"}}));
  // A cell's span is its text: the first value without the BEL before it.
  const TableCell& first = joined.structure().table_cells()[t.first_grid_cell + 1];
  EXPECT_EQ(joined.text().substr(first.offset, first.length), "1,210");
  EXPECT_EQ(first.line, 1u);
  // Columns laid out with spaces: the header's titles over the value columns, a missing value
  // leaves its column empty (the slot under "2022" is placed by its display columns, not by its
  // position from the right), a group title is a row of a label alone.
  std::string text = Laid({{50, "2021"}, {62, "2022"}, {74, "2023"}}) + "WASTE\n" +
                     Laid({{2, "Total waste"}, {50, "1,993"}, {62, "2,049"}, {74, "2,113"}}) +
                     Laid({{2, "Hazardous waste"}, {50, "1,025"}, {62, "558"}}) +
                     Laid({{2, "Other waste"}, {52, "968"}, {62, "1,491"}, {74, "1,415"}});
  Document aligned = Document::FromUtf8("r.txt", text);
  ASSERT_EQ(aligned.structure().tables().size(), 1u);
  const Table& a = aligned.structure().tables()[0];
  EXPECT_EQ(a.header_line, 0u);
  EXPECT_EQ(GridTexts(aligned.structure(), a),
            (std::vector<std::vector<std::string>>{{"-", "2021", "2022", "2023"},
                                                   {"WASTE", "-", "-", "-"},
                                                   {"Total waste", "1,993", "2,049", "2,113"},
                                                   {"Hazardous waste", "1,025", "558", "-"},
                                                   {"Other waste", "968", "1,491", "1,415"}}));
  const TableCell& year = aligned.structure().table_cells()[a.first_grid_cell];
  EXPECT_EQ(year.flags & ESGAUDIT_TABLE_CELL_HEADER, ESGAUDIT_TABLE_CELL_HEADER);
  EXPECT_EQ(year.column, 1u);
}

// pdftotext -layout may shift one short figure of a row a few columns right (" 1.1" four columns
// right of "10.8" above it) while the row's other slots stay in their columns: rows of as many
// slots, four or more, all in the same columns but one that drifted at most six columns without
// reaching a neighbouring column, are rows of one table, the drifted figure in its column.
std::string DriftingRows(int drift, bool second_drift, bool three_slots) {
  std::string text = "Shares of the staff who answered\n\n";
  const std::vector<std::pair<std::string, std::string>> rows = {
      {"Walk %", "10.8"}, {"Cycle %", "1.1"}, {"Bus %", "1.7"}, {"Car %", "83.5"}, {"Other means %", "2.8"}};
  for (size_t k = 0; k < rows.size(); ++k) {
    const bool shifted = k % 2 == 1;
    std::vector<std::pair<int, std::string>> parts = {{2, rows[k].first}, {50 + (shifted ? drift : 0), rows[k].second},
                                                      {66, "-"}};
    parts.push_back({76 + (shifted && second_drift ? drift : 0), "-"});
    if (!three_slots) parts.push_back({86, "SOC-5"});
    text += Laid(parts) + "\n\n";
  }
  return text + "Most of the staff come by car.\n";
}

TEST(StructureTest, RowsWithOneDriftedSlotAreOneTable) {
  Document doc = Document::FromUtf8("r.txt", DriftingRows(5, false, false));
  ASSERT_EQ(doc.structure().tables().size(), 1u);
  const Table& t = doc.structure().tables()[0];
  EXPECT_EQ(t.first_line, LineWith(doc, "Walk %"));
  EXPECT_EQ(t.last_line, LineWith(doc, "Other means %"));
  const std::vector<std::vector<std::string>> grid = GridTexts(doc.structure(), t);
  ASSERT_EQ(grid.size(), 5u);
  EXPECT_EQ(grid[1], (std::vector<std::string>{"Cycle %", "1.1", "-", "-", "SOC-5"}));
  EXPECT_EQ(grid[3], (std::vector<std::string>{"Car %", "83.5", "-", "-", "SOC-5"}));
}

// Near misses: a drift of more than six columns, two drifted slots in a row, a drift in rows of
// three slots, and a drifted slot that reaches the next column are no table.
TEST(StructureTest, RowsWhoseSlotsDriftTooFarOrTooOftenAreNoTable) {
  for (const auto& [drift, second, three] :
       std::vector<std::tuple<int, bool, bool>>{{8, false, false}, {5, true, false}, {5, false, true}}) {
    Document doc = Document::FromUtf8("r.txt", DriftingRows(drift, second, three));
    EXPECT_TRUE(doc.structure().tables().empty()) << drift << second << three;
  }
  // The drifted figure two columns from the next column's dash: no longer clear of it.
  std::string crowded;
  for (const std::string& line : {Laid({{2, "Walk %"}, {50, "10.8"}, {60, "-"}, {70, "-"}, {80, "SOC-5"}}),
                                  Laid({{2, "Cycle %"}, {55, "1.1"}, {60, "-"}, {70, "-"}, {80, "SOC-5"}}),
                                  Laid({{2, "Bus %"}, {50, "1.7"}, {60, "-"}, {70, "-"}, {80, "SOC-5"}}),
                                  Laid({{2, "Car %"}, {55, "83.5"}, {60, "-"}, {70, "-"}, {80, "SOC-5"}})}) {
    crowded += line + "\n";
  }
  Document c = Document::FromUtf8("r.txt", crowded + "Most of the staff come by car.\n");
  EXPECT_TRUE(c.structure().tables().empty()) << c.structure().tables()[0].first_line;
}

// Rows of a data table whose last columns name the codes of other standards for each row
// ("XY-ZW-120b.3", a code with a dot inside it) beside a unit column and year columns.
std::string CodedRows(const std::string& code) {
  std::string text = Laid({{2, "Unit"}, {40, "2023"}, {50, "2022"}, {60, "2021"}, {72, "STD-A"}, {84, "STD-B"}}) + "\n";
  const std::vector<std::vector<std::string>> rows = {{"Gas burnt off", "kilo tonnes", "2.6", "2.2", "3.5"},
                                                      {"North field", "kilo tonnes", "1.7", "1.3", "1.4"},
                                                      {"Other fields", "kilo tonnes", "0.9", "0.9", "2.1"}};
  for (const auto& r : rows) {
    text += Laid({{2, r[0]}, {24, r[1]}, {40, r[2]}, {50, r[3]}, {60, r[4]}, {72, "QA-7"}, {84, code}}) + "\n";
  }
  return text + "Figures are rounded to one decimal.\n";
}

TEST(StructureTest, RowsEndingInCodesOfOtherStandardsAreOneTable) {
  Document doc = Document::FromUtf8("r.txt", CodedRows("XY-ZW-120b.3"));
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  const Table& t = s.tables()[0];
  EXPECT_EQ(t.first_line, LineWith(doc, "Unit"));  // its header
  EXPECT_EQ(t.last_line, LineWith(doc, "Other fields"));
  EXPECT_EQ(s.line(LineWith(doc, "North field")).table, 0u);
  const std::vector<std::vector<std::string>> grid = GridTexts(s, t);
  ASSERT_FALSE(grid.empty());
  EXPECT_EQ(grid.back(),
            (std::vector<std::string>{"Other fields", "kilo tonnes", "0.9", "0.9", "2.1", "QA-7", "XY-ZW-120b.3"}));
}

// Near misses: a last cell whose dot ends it (an abbreviation, "approx.", or a code cut short,
// "XY-ZW-120b."), a token with an inner dot but no hyphen ("ZW120b.3x9"), and a row of one figure
// beside a unit and codes (words outnumber the figures) leave the rows no table.
TEST(StructureTest, RowsEndingInWordsWithDotsAreNoTable) {
  for (const std::string& last : {std::string("approx."), std::string("XY-ZW-120b."), std::string("ZW120b.3x9")}) {
    Document doc = Document::FromUtf8("r.txt", CodedRows(last));
    EXPECT_TRUE(doc.structure().tables().empty()) << last;
  }
  // A row of one figure beside a unit and two codes: the words outnumber the figures.
  std::string few;
  for (const char* label : {"Gas burnt off", "North field", "Other fields"}) {
    few += Laid({{2, label}, {24, "kilo tonnes"}, {40, "2.6"}, {72, "QA-7"}, {84, "XY-ZW-120b.3"}}) + "\n";
  }
  Document d = Document::FromUtf8("r.txt", few + "Figures are rounded to one decimal.\n");
  EXPECT_TRUE(d.structure().tables().empty());
}

TEST(StructureTest, ALabelWrappedOntoItsOwnLineIsJoinedToItsRow) {
  // A label wrapped above its row (the piece ends with a joining word and the row's part starts in
  // lower case), a unit wrapped below its row, and a group title, a heading and a note over rows,
  // which are not label pieces. The wrapped rows keep the table in one piece.
  std::string text = "Waste management\n" + Laid({{2, "Note: in thousand tonnes"}}) +
                     Laid({{2, "Waste"}}) +
                     Laid({{2, "Total waste disposed"}, {50, "1,993"}, {62, "2,049"}, {74, "2,113"}}) +
                     Laid({{2, "Hazardous waste disposed"}, {50, "1,025"}, {62, "558"}, {74, "698"}}) +
                     Laid({{2, "Waste beneficially reused, recycled or"}}) +
                     Laid({{2, "recovered"}, {50, "968"}, {62, "1,491"}, {74, "1,415"}}) +
                     Laid({{2, "Water withdrawn"}, {50, "180"}, {62, "190"}, {74, "199"}}) +
                     Laid({{2, "(million m3)"}}) +
                     Laid({{2, "Spills"}, {50, "70"}, {62, "75"}, {74, "80"}}) + "\n" +
                     Laid({{2, "Emissions"}}) +
                     Laid({{2, "Direct emissions"}, {50, "68"}, {62, "71"}, {74, "74"}}) +
                     Laid({{2, "Indirect emissions"}, {50, "9"}, {62, "10"}, {74, "11"}}) +
                     Laid({{2, "Other emissions"}, {50, "1"}, {62, "2"}, {74, "3"}});
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 2u);
  const Table& waste = s.tables()[0];
  EXPECT_EQ(waste.first_line, LineWith(doc, "Total waste disposed"));
  EXPECT_EQ(waste.last_line, LineWith(doc, "Spills"));
  EXPECT_EQ(GridTexts(s, waste),
            (std::vector<std::vector<std::string>>{
                {"Total waste disposed", "1,993", "2,049", "2,113"},
                {"Hazardous waste disposed", "1,025", "558", "698"},
                {"Waste beneficially reused, recycled or recovered", "968", "1,491", "1,415"},
                {"Water withdrawn (million m3)", "180", "190", "199"},
                {"Spills", "70", "75", "80"}}));
  // The joined label's span runs from its first piece to its last; its line is the first piece's.
  const TableCell& wrapped = s.table_cells()[waste.first_grid_cell + 8];
  EXPECT_EQ(wrapped.line, LineWith(doc, "Waste beneficially"));
  EXPECT_EQ(s.table_cells()[waste.first_grid_cell + 9].line, LineWith(doc, "recovered"));
  // A group title over the first row, a note and a heading stay out of the table.
  EXPECT_EQ(s.line(LineWith(doc, "Waste management")).table, kNoIndex);
  EXPECT_EQ(s.line(LineWith(doc, "Note: in thousand")).table, kNoIndex);
  EXPECT_EQ(s.line(LineWith(doc, "Emissions")).table, kNoIndex);
  EXPECT_EQ(s.tables()[1].first_line, LineWith(doc, "Direct emissions"));
  EXPECT_EQ(GridTexts(s, s.tables()[1]).front().front(), "Direct emissions");
}

TEST(StructureTest, ALabelWrappedInsideABracketIsJoinedToItsRow) {
  // A long label wrapped inside a bracket: the piece above leaves "(using GHG" open and the row's
  // own label, starting with a capital, closes it (no joining word nor lower case to show it). The rows around stay one table with it.
  std::string text = Laid({{2, "Direct emissions (in millions)"}, {80, "1.61"}, {92, "1.65"}, {104, "1.61"}}) + "\n" +
                     Laid({{2, "Indirect emissions from electricity purchased (using GHG"}}) +
                     Laid({{2, "Protocol method) (in millions)"}, {80, "3.56"}, {92, "3.33"}, {104, "3.34"}}) + "\n" +
                     Laid({{2, "Total emissions (in millions)"}, {80, "5.17"}, {92, "4.98"}, {104, "4.95"}});
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  const Table& t = s.tables()[0];
  EXPECT_EQ(t.first_line, LineWith(doc, "Direct emissions"));
  EXPECT_EQ(GridTexts(s, t),
            (std::vector<std::vector<std::string>>{
                {"Direct emissions (in millions)", "1.61", "1.65", "1.61"},
                {"Indirect emissions from electricity purchased (using GHG Protocol method) (in millions)", "3.56",
                 "3.33", "3.34"},
                {"Total emissions (in millions)", "5.17", "4.98", "4.95"}}));
}

TEST(StructureTest, ALabelWrappedInsideABracketBelowItsFiguresIsJoinedToItsRow) {
  // The figures on the label's first line: the row's label leaves "(using GHG" open and the piece
  // below, starting with a capital, closes it. A heading under the last row that closes its own
  // bracket ("Water (megaliters)") stays apart.
  std::string text = Laid({{2, "Direct emissions (in millions)"}, {80, "1.61"}, {92, "1.65"}, {104, "1.61"}}) + "\n" +
                     Laid({{2, "Indirect emissions from electricity purchased (using GHG"}, {80, "3.56"}, {92, "3.33"},
                           {104, "3.34"}}) +
                     Laid({{2, "Protocol method) (in millions)"}}) + "\n" +
                     Laid({{2, "Total emissions (in millions)"}, {80, "5.17"}, {92, "4.98"}, {104, "4.95"}}) +
                     Laid({{2, "Water (megaliters)"}});
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  const Table& t = s.tables()[0];
  EXPECT_EQ(GridTexts(s, t),
            (std::vector<std::vector<std::string>>{
                {"Direct emissions (in millions)", "1.61", "1.65", "1.61"},
                {"Indirect emissions from electricity purchased (using GHG Protocol method) (in millions)", "3.56",
                 "3.33", "3.34"},
                {"Total emissions (in millions)", "5.17", "4.98", "4.95"}}));
  EXPECT_EQ(s.line(LineWith(doc, "Water (megaliters)")).table, kNoIndex);
}

TEST(StructureTest, ALabelWrappedInsideAFullWidthBracketJoinsItsTabRow) {
  // A tab table's label wrapped inside a full-width bracket ("投资收益（损失以" over "“-”号填列）"):
  // one label of its row. A piece whose brackets close on its own line (a note) is no piece of it.
  Document doc = Document::FromUtf8("r.txt",
                                    "项目\t2016年\t2015年\n"
                                    "营业收入\t100\t90\n"
                                    "投资收益（损失以\t\t\n"
                                    "“-”号填列）\t15\t8\n"
                                    "营业利润\t115\t98\n"
                                    "其他项目（注）\t\t\n"
                                    "营业外收入\t5\t4\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  EXPECT_EQ(GridTexts(s, s.tables()[0]), (std::vector<std::vector<std::string>>{{"项目", "2016年", "2015年"},
                                                                              {"营业收入", "100", "90"},
                                                                              {"投资收益（损失以“-”号填列）", "15", "8"},
                                                                              {"营业利润", "115", "98"},
                                                                              {"其他项目（注）", "-", "-"},
                                                                              {"营业外收入", "5", "4"}}));
}

TEST(StructureTest, AHeadingWithItsOwnBracketsOverARowIsNoLabelPiece) {
  // Near miss: the line above the row opens and closes its brackets ("Emissions (tonnes)"), or
  // leaves one open that the row's label does not close: a heading over the rows, no label piece.
  std::string text = Laid({{2, "Emissions (tonnes)"}}) +
                     Laid({{2, "Direct emissions"}, {80, "1.61"}, {92, "1.65"}, {104, "1.61"}}) +
                     Laid({{2, "Indirect emissions"}, {80, "3.56"}, {92, "3.33"}, {104, "3.34"}}) +
                     Laid({{2, "Total emissions"}, {80, "5.17"}, {92, "4.98"}, {104, "4.95"}}) + "\n" +
                     Laid({{2, "Waste (see note"}}) +
                     Laid({{2, "Hazardous waste (tonnes)"}, {80, "12"}, {92, "13"}, {104, "14"}}) +
                     Laid({{2, "Other waste (tonnes)"}, {80, "40"}, {92, "41"}, {104, "42"}}) +
                     Laid({{2, "Total waste (tonnes)"}, {80, "52"}, {92, "54"}, {104, "56"}});
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 2u);
  EXPECT_EQ(s.line(LineWith(doc, "Emissions (tonnes)")).table, kNoIndex);
  EXPECT_EQ(s.line(LineWith(doc, "Waste (see note")).table, kNoIndex);
  EXPECT_EQ(GridTexts(s, s.tables()[0]).front().front(), "Direct emissions");
  EXPECT_EQ(GridTexts(s, s.tables()[1]).front().front(), "Hazardous waste (tonnes)");
}

TEST(StructureTest, TabTablesCarryTheirSlotsAsGridCells) {
  // Each cell in the column of its tab slot: an empty slot leaves its column empty, a group title
  // before empty slots is a row of a label alone, a row whose label and figures lost their tabs is
  // split into the label and one cell per figure, a slot holding two pieces apart by a wide gap is
  // one cell flagged as such, the header's cells are header cells.
  Document doc = Document::FromUtf8("r.txt",
                                    "Staff\n"
                                    "指标\t2021年\t2022年\t2023年\n"
                                    "员工总数（人） 1,200 1,310 1,400\t\t\t\n"
                                    "男性员工（人）\t700\t\t800\n"
                                    "按学历划分\t\t\t\n"
                                    "本科（人）\t500\t545  9\t600\n"
                                    "研究生（人）\t100\t110\t\xE2\x80\x94\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  const Table& t = s.tables()[0];
  EXPECT_EQ(t.source, ESGAUDIT_TABLE_SOURCE_TABS);
  EXPECT_EQ(t.header_line, 1u);
  EXPECT_EQ(t.grid_rows, 6u);
  EXPECT_EQ(t.grid_columns, 4u);
  EXPECT_EQ(GridTexts(s, t), (std::vector<std::vector<std::string>>{{"指标", "2021年", "2022年", "2023年"},
                                                                  {"员工总数（人）", "1,200", "1,310", "1,400"},
                                                                  {"男性员工（人）", "700", "-", "800"},
                                                                  {"按学历划分", "-", "-", "-"},
                                                                  {"本科（人）", "500", "545 9", "600"},
                                                                  {"研究生（人）", "100", "110", "\xE2\x80\x94"}}));
  std::vector<uint32_t> flags;
  for (uint32_t k = 0; k < t.grid_cell_count; ++k) flags.push_back(s.table_cells()[t.first_grid_cell + k].flags);
  EXPECT_EQ(flags, (std::vector<uint32_t>{ESGAUDIT_TABLE_CELL_HEADER, ESGAUDIT_TABLE_CELL_HEADER,
                                          ESGAUDIT_TABLE_CELL_HEADER, ESGAUDIT_TABLE_CELL_HEADER, 0, 0, 0, 0, 0, 0, 0,
                                          0, 0, 0, ESGAUDIT_TABLE_CELL_GAPPED, 0, 0, 0, 0, 0}));
  // A split cell's span is its own text on the line of the row.
  const TableCell& label = s.table_cells()[t.first_grid_cell + 4];
  EXPECT_EQ(doc.text().substr(label.offset, label.length), "员工总数（人）");
  const TableCell& figure = s.table_cells()[t.first_grid_cell + 6];
  EXPECT_EQ(doc.text().substr(figure.offset, figure.length), "1,310");
  EXPECT_EQ(figure.line, 2u);
  EXPECT_EQ(figure.column, 2u);
}

// Six pages joined without page breaks, each opening with the running header and closing with
// its bare number (11 … 16); `foot` ends page 13's text and `top` opens page 14's, under its header.
std::string PagesAround(const std::string& foot, const std::string& top) {
  std::ostringstream text;
  for (int page = 11; page <= 16; ++page) {
    text << "乙公司2020年可持续发展报告\n";
    if (page == 14) text << top;
    text << "公司坚持绿色发展，持续推进节能减排。\n公司持续完善治理结构，保障股东权益。\n"
            "公司开展安全培训，提升员工安全意识。\n";
    if (page == 13) text << foot;
    text << page << "\n";
  }
  return text.str();
}

TEST(StructureTest, ATabTableGoesOnPastAPageBreakAndAFootnote) {
  // The rows at the foot of page 13, a footnote, the page number and the running header, then rows
  // laid out alike: one table. The header copy over the continuation is furniture (it stands beside
  // the page number), the footnote stays prose and is no row of the grid.
  const std::string head =
      "表1：员工构成\n"
      "指标\t2020年\t2019年\n"
      "员工总数\t1,000\t950\n"
      "男性员工\t600\t560\n";
  Document doc = Document::FromUtf8("r.txt", PagesAround(head + "1数据截至报告期末。\n", "女性员工\t400\t390\n合计\t1,000\t950\n"));
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  const Table& t = s.tables()[0];
  EXPECT_EQ(t.first_line, LineWith(doc, "指标\t"));
  EXPECT_EQ(t.last_line, LineWith(doc, "合计\t"));
  EXPECT_EQ(GridTexts(s, t), (std::vector<std::vector<std::string>>{{"指标", "2020年", "2019年"},
                                                                  {"员工总数", "1,000", "950"},
                                                                  {"男性员工", "600", "560"},
                                                                  {"女性员工", "400", "390"},
                                                                  {"合计", "1,000", "950"}}));
  const size_t copy = LineWith(doc, "女性员工\t") - 1;
  EXPECT_EQ(doc.LineText(copy), "乙公司2020年可持续发展报告");
  EXPECT_NE(s.line(copy).flags & ESGAUDIT_LINE_RUNNING_HEADER, 0u);
  EXPECT_EQ(Role(doc, copy), "furniture");
  EXPECT_NE(Role(doc, LineWith(doc, "1数据截至")), "table-row");
  EXPECT_EQ(s.line(LineWith(doc, "1数据截至")).flags & ESGAUDIT_LINE_TABLE, 0u);

  // The header row repeated at the top of the next page: the same table, the repeat no row.
  Document repeat = Document::FromUtf8("r.txt", PagesAround(head, "指标\t2020年\t2019年\n女性员工\t400\t390\n"));
  ASSERT_EQ(repeat.structure().tables().size(), 1u);
  EXPECT_EQ(GridTexts(repeat.structure(), repeat.structure().tables()[0]).size(), 4u);
}

TEST(StructureTest, ProseOrAnotherLayoutAcrossAPageBreakEndsATabTable) {
  const std::string head =
      "表1：员工构成\n"
      "指标\t2020年\t2019年\n"
      "员工总数\t1,000\t950\n"
      "男性员工\t600\t560\n";
  // A line of prose (no footnote marker) at the foot of the page ends the table.
  Document prose = Document::FromUtf8("r.txt", PagesAround(head + "公司员工结构保持稳定。\n", "女性员工\t400\t390\n合计\t1,000\t950\n"));
  EXPECT_EQ(prose.structure().tables().size(), 2u);
  // So does a count glued to its unit, which is no footnote marker.
  Document count = Document::FromUtf8("r.txt", PagesAround(head + "12个部门参与统计。\n", "女性员工\t400\t390\n合计\t1,000\t950\n"));
  EXPECT_EQ(count.structure().tables().size(), 2u);
  // Rows of another layout on the next page (a change column more) are another table.
  Document other = Document::FromUtf8("r.txt", PagesAround(head, "女性员工\t400\t390\t2.6%\n合计\t1,000\t950\t5.3%\n"));
  EXPECT_EQ(other.structure().tables().size(), 2u);
  // A single row before the break is no table going on (two lines of another column read as rows).
  Document single = Document::FromUtf8("r.txt", PagesAround("员工总数\t1,000\t950\n", "女性员工\t400\t390\n合计\t1,000\t950\n"));
  ASSERT_EQ(single.structure().tables().size(), 1u);
  EXPECT_EQ(single.structure().tables()[0].first_line, LineWith(single, "女性员工\t"));
  // Without page furniture between them, a footnote-like line still separates two tables.
  Document no_page = Document::FromUtf8("r.txt", head + "1数据截至报告期末。\n女性员工\t400\t390\n合计\t1,000\t950\n");
  EXPECT_EQ(no_page.structure().tables().size(), 2u);
}

// The grid cells standing on line `line` of table `t`, as (column, text).
std::vector<std::pair<uint32_t, std::string>> CellsOnLine(const Structure& s, const Table& t, size_t line) {
  std::vector<std::pair<uint32_t, std::string>> out;
  for (uint32_t k = 0; k < t.grid_cell_count; ++k) {
    const TableCell& c = s.table_cells()[t.first_grid_cell + k];
    if (c.line == line) out.emplace_back(c.column, c.text);
  }
  return out;
}

TEST(StructureTest, ATitleWithItsUnitCaptionOverColumnTitlesStartsANewTabTable) {
  // Three tables stacked without blank lines, each under a tab line holding its title and, in a
  // later slot, its unit caption (单位：人), then a line of column titles: three tables, each with
  // its unit; the title lines are no rows.
  const std::string text =
      "员工结构\n"
      "单位：人\n"
      "年份\t\t总人数\t\t\t性别\t\t\n"
      "\t\t\t\t男\t\t女\t\n"
      "2020\t\t1,200\t\t700\t\t500\t\n"
      "2019\t\t1,100\t\t650\t\t450\t\n"
      "员工学历构成\t\t\t\t\t\t\t单位：人\n"
      "年份\t博士\t硕士\t本科\n"
      "2020\t10\t200\t990\n"
      "2019\t9\t180\t911\n"
      "员工地区分布（按所在地统计）\t（单位：人）\n"
      "地区\t2019年员工数\t2020年员工数\n"
      "华东\t700\t800\n"
      "华南\t400\t400\n";
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 3u);
  EXPECT_EQ(s.tables()[0].last_line, LineWith(doc, "2019\t\t1,100"));
  EXPECT_EQ(s.tables()[1].first_line, LineWith(doc, "年份\t博士"));
  EXPECT_EQ(s.tables()[1].header_line, LineWith(doc, "年份\t博士"));
  EXPECT_EQ(s.tables()[1].unit, "人");
  EXPECT_EQ(s.tables()[2].first_line, LineWith(doc, "地区\t"));
  EXPECT_EQ(s.tables()[2].unit, "人");
  EXPECT_NE(Role(doc, LineWith(doc, "员工学历构成")), "table-row");
  EXPECT_NE(Role(doc, LineWith(doc, "员工地区分布")), "table-row");

  // Near misses, each one table as before. A header naming its unit in the value column over rows
  // of figures ("项目\t单位：人" is the table's header, not a title over another table's header).
  Document header = Document::FromUtf8("r.txt",
                                       "员工总数\t1,200\t1,100\n"
                                       "项目\t单位：人\n"
                                       "男性员工\t700\t650\n"
                                       "女性员工\t500\t450\n");
  ASSERT_EQ(header.structure().tables().size(), 1u);
  EXPECT_EQ(header.structure().tables()[0].first_line, 0u);
  EXPECT_EQ(Role(header, 1), "table-row");
  // A real row whose label ends in a unit word (单位), its figure slots apart.
  Document row = Document::FromUtf8("r.txt",
                                    "指标\t2019年\t2020年\n"
                                    "合作单位\t\t\t35\n"
                                    "供应商数量\t120\t130\n"
                                    "服务单位\t12\t15\n");
  ASSERT_EQ(row.structure().tables().size(), 1u);
  EXPECT_EQ(row.structure().tables()[0].last_line, 3u);
}

TEST(StructureTest, ColumnTitlesNamingTheirYearMakeAHeader) {
  // "2015年员工数": a year, then a few words naming the column, is a title, not a figure: the line is
  // the table's header.
  Document doc = Document::FromUtf8("r.txt",
                                    "教育程度\t2015年人数\t2016年人数\n"
                                    "本科\t700\t800\n"
                                    "硕士\t176\t191\n");
  ASSERT_EQ(doc.structure().tables().size(), 1u);
  EXPECT_EQ(doc.structure().tables()[0].header_line, 0u);
  // Near misses: a report's title and a row naming an award open with a year too; neither line is
  // a header (the table has none).
  for (const std::string first : {"某某集团股份有限公司\t2016年社会责任报告\n", "张三（研究所）\t2016年金牛分析师中小市值研究第五名\n"}) {
    Document row = Document::FromUtf8("r.txt", first + "李四（研究所）\t2016年最佳分析师第三名\n");
    ASSERT_EQ(row.structure().tables().size(), 1u) << first;
    EXPECT_EQ(row.structure().tables()[0].header_line, kNoIndex) << first;
  }
}

TEST(StructureTest, DashesJoinedToTheLabelOfATabRowAreItsValues) {
  // A row whose values lost their tabs and stand joined to its label by single spaces: dashes
  // (-, —, －) for no figure count as its values, so the row keeps the table whole and its grid row
  // has the label and one dash per value column.
  for (const std::string dash : {"-", "—", "－"}) {
    const std::string text =
        "地区\t2019年员工数\t2020年员工数\n"
        "华东\t700\t800\n"
        "华北\t176\t191\n"
        "西北（宁夏、新疆、青海、陕西、甘肃） " + dash + " " + dash + "\t\t\n"
        "西南\t2,038\t2,001\n"
        "海外\t" + dash + "\t14\n";
    Document doc = Document::FromUtf8("r.txt", text);
    const Structure& s = doc.structure();
    ASSERT_EQ(s.tables().size(), 1u) << dash;
    const Table& t = s.tables()[0];
    EXPECT_EQ(t.last_line, LineWith(doc, "海外")) << dash;
    EXPECT_EQ(Role(doc, LineWith(doc, "西北")), "table-row") << dash;
    EXPECT_EQ(CellsOnLine(s, t, LineWith(doc, "西北")),
              (std::vector<std::pair<uint32_t, std::string>>{{0, "西北（宁夏、新疆、青海、陕西、甘肃）"}, {1, dash}, {2, dash}}))
        << dash;
  }
  // Near misses: a dash between two figures is a range ("30 - 40"), and one before a figure may be
  // its minus sign ("- 5"): neither line is a row, and the table ends above it.
  for (const std::string line : {"年龄 30 - 40\t\t\n", "净变化 - 5\t\t\n"}) {
    const std::string text =
        "地区\t2019年\t2020年\n"
        "华东\t700\t800\n"
        "华北\t176\t191\n" +
        line + "西南\t2,038\t2,001\n" + "海外\t315\t343\n";
    Document doc = Document::FromUtf8("r.txt", text);
    const Structure& s = doc.structure();
    ASSERT_EQ(s.tables().size(), 2u) << line;
    EXPECT_EQ(s.tables()[0].last_line, LineWith(doc, "华北")) << line;
    EXPECT_NE(Role(doc, LineWith(doc, line.substr(0, 6))), "table-row") << line;
  }
}

TEST(StructureTest, AHeaderOfPeriodsSetOneSpaceApartGivesOneCellPerPeriod) {
  // "2015 年 2016 年" reads as one cell (no wide gap); a header of periods gives one cell per
  // period all the same, so the table is a time series. A header of periods only, starting over
  // the row labels, heads the value columns; a header with a title over the labels keeps its place.
  Document doc = Document::FromUtf8("r.txt",
                                    "能源消耗\n"
                                    "2014 年\t2015 年 2016 年\n"
                                    "综合能耗（吨标准煤）\t2.25\t2.13\t2.56\n"
                                    "单位产值能耗（吨/万元）\t25.86\t24.45\t25.12\n"
                                    "\n"
                                    "水资源\n"
                                    "指标\t2015 年度  2016 年度\n"
                                    "新水取用量（万吨）\t104.6\t105.3\n"
                                    "循环水量（万吨）\t48.4\t46.97\n"
                                    "\n"
                                    "排放\n"
                                    "2014年 2015年 2014年 2015年\n"
                                    "废水\t14.7\t14.85\t4.2\t4.45\n"
                                    "废气\t3.1\t3.3\t1.2\t1.4\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 3u);
  using G = std::vector<std::vector<std::string>>;
  const Table& energy = s.tables()[0];
  EXPECT_EQ(energy.header_line, 1u);
  EXPECT_EQ(energy.kind, ESGAUDIT_TABLE_TIME_SERIES);
  EXPECT_EQ(GridTexts(s, energy), (G{{"-", "2014 年", "2015 年", "2016 年"},
                                     {"综合能耗（吨标准煤）", "2.25", "2.13", "2.56"},
                                     {"单位产值能耗（吨/万元）", "25.86", "24.45", "25.12"}}));
  // Each period's span is its own text.
  const TableCell& y2016 = s.table_cells()[energy.first_grid_cell + 2];
  EXPECT_EQ(doc.text().substr(y2016.offset, y2016.length), "2016 年");
  EXPECT_EQ(y2016.flags, static_cast<uint32_t>(ESGAUDIT_TABLE_CELL_HEADER));
  const Table& water = s.tables()[1];
  EXPECT_EQ(water.header_line, 6u);
  EXPECT_EQ(water.kind, ESGAUDIT_TABLE_TIME_SERIES);
  EXPECT_EQ(GridTexts(s, water), (G{{"指标", "2015 年度", "2016 年度"},
                                    {"新水取用量（万吨）", "104.6", "105.3"},
                                    {"循环水量（万吨）", "48.4", "46.97"}}));
  // A header line without tabs above the rows.
  const Table& emissions = s.tables()[2];
  EXPECT_EQ(emissions.header_line, 11u);
  EXPECT_EQ(emissions.kind, ESGAUDIT_TABLE_TIME_SERIES);
  EXPECT_EQ(GridTexts(s, emissions), (G{{"-", "2014年", "2015年", "2014年", "2015年"},
                                        {"废水", "14.7", "14.85", "4.2", "4.45"},
                                        {"废气", "3.1", "3.3", "1.2", "1.4"}}));
}

TEST(StructureTest, ARowOfPeriodsInsideATabTableIsASecondHeader) {
  // Tables stacked under one title: each part opens with its own row of periods. Those rows are
  // header rows of the grid (a row of periods only over labelled rows heads the value columns),
  // never a wrapped label, and the table is a time series though its first line says nothing.
  Document doc = Document::FromUtf8("r.txt",
                                    "（二）\t关键绩效表\n"
                                    "经济绩效指标\t2016 年\t2015 年\n"
                                    "营业收入（万元）\t96,405.56\t109,790.82\n"
                                    "环境绩效指标\t2016 年\t2015 年\n"
                                    "化学需氧量排放量（吨）\t83.58\t79.56\n"
                                    "2013\t2014\n"
                                    "员工总人数（人）\t1868\t1887\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  const Table& t = s.tables()[0];
  EXPECT_EQ(t.kind, ESGAUDIT_TABLE_TIME_SERIES);
  EXPECT_EQ(GridTexts(s, t), (std::vector<std::vector<std::string>>{{"（二）", "关键绩效表", "-"},
                                                                  {"经济绩效指标", "2016 年", "2015 年"},
                                                                  {"营业收入（万元）", "96,405.56", "109,790.82"},
                                                                  {"环境绩效指标", "2016 年", "2015 年"},
                                                                  {"化学需氧量排放量（吨）", "83.58", "79.56"},
                                                                  {"-", "2013", "2014"},
                                                                  {"员工总人数（人）", "1868", "1887"}}));
  std::vector<uint32_t> header_rows;
  for (uint32_t k = 0; k < t.grid_cell_count; ++k) {
    const TableCell& c = s.table_cells()[t.first_grid_cell + k];
    if ((c.flags & ESGAUDIT_TABLE_CELL_HEADER) && (header_rows.empty() || header_rows.back() != c.row))
      header_rows.push_back(c.row);
  }
  EXPECT_EQ(header_rows, (std::vector<uint32_t>{0, 1, 3, 5}));
  // Years as the values of rows under a header of places are values, not headers.
  Document certified = Document::FromUtf8("r.txt",
                                          "管理体系\t上海\t深圳\t昆山\n"
                                          "ISO 14001\t2004\t2016\t2001\n"
                                          "ISO 45001\t2007\t2015\t2007\n");
  ASSERT_EQ(certified.structure().tables().size(), 1u);
  const Table& c = certified.structure().tables()[0];
  EXPECT_NE(c.kind, ESGAUDIT_TABLE_TIME_SERIES);
  for (uint32_t k = 0; k < c.grid_cell_count; ++k) {
    const TableCell& cell = certified.structure().table_cells()[c.first_grid_cell + k];
    EXPECT_EQ((cell.flags & ESGAUDIT_TABLE_CELL_HEADER) != 0, cell.row == 0) << cell.text;
  }
}

TEST(StructureTest, AChartAxisOfPeriodsUnderEachOfSeveralChartsIsNoHeaderOfPeriods) {
  // Four charts side by side, each with its axis "2012 2013 2014": split, the axes would head
  // twelve columns over rows of four cells, so they stay one cell each.
  Document doc = Document::FromUtf8("r.txt",
                                    "2012 2013 2014\t2012 2013 2014\t2012 2013 2014\t2012 2013 2014\n"
                                    "员工人数（人）\t股东分红（亿元）\t每股社会贡献值（元）\t申请专利数量（个）\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  EXPECT_EQ(s.tables()[0].columns, 4u);
  EXPECT_EQ(s.tables()[0].grid_columns, 4u);
  EXPECT_NE(s.tables()[0].kind, ESGAUDIT_TABLE_TIME_SERIES);
  // A chart's axis of periods under its bars keeps its slots: no labelled row below it.
  Document bars = Document::FromUtf8("r.txt",
                                     "指标\t单位\t2016\t2015\t2014\n"
                                     "资产总额\t亿元\t241,373\t222,098\t206,100\n"
                                     "净利润\t亿元\t2,791\t2,777\t2,763\n"
                                     "2016\t2015\t2014\n");
  ASSERT_EQ(bars.structure().tables().size(), 1u);
  EXPECT_EQ(GridTexts(bars.structure(), bars.structure().tables()[0]).back(),
            (std::vector<std::string>{"2016", "2015", "2014", "-", "-"}));
}

TEST(StructureTest, TwoYearsWithoutASpaceOrWordsBetweenPeriodsAreNoHeaderOfPeriods) {
  // "20152016" is one number, not two years; "2015年 目标 2016年" holds a word between them.
  Document doc = Document::FromUtf8("r.txt",
                                    "Staff\n"
                                    "20152016\t2015年 目标 2016年\n"
                                    "员工（人）\t1,200\t1,310\n"
                                    "女性（人）\t500\t545\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 1u);
  EXPECT_NE(s.tables()[0].kind, ESGAUDIT_TABLE_TIME_SERIES);
  EXPECT_EQ(GridTexts(s, s.tables()[0])[0], (std::vector<std::string>{"20152016", "2015年 目标 2016年", "-"}));
}

TEST(StructureTest, ARowOfValuesOnlyTakesItsLabelFromTheLinesAroundIt) {
  // A long label laid out around its values (the pieces above and below, a word hyphenated at the
  // line end) with a placeholder as the first value; then a title over rows whose bullet glyph
  // reads as a lower-case letter ("n Near misses"), which is no continuation of the title.
  std::string text = Laid({{50, "2018"}, {62, "2019"}, {74, "2020"}}) +
                     Laid({{2, "n Number of employees"}, {50, "160,301"}, {62, "171,103"}, {74, "172,703"}}) +
                     Laid({{2, "Lost time injury rate (post-Share-"}}) +
                     Laid({{52, "NA"}, {63, "3.3"}, {75, "2.7"}}) +
                     Laid({{2, "holders' Meeting)"}}) +
                     Laid({{2, "n Accident severity rate"}, {51, "0.13"}, {62, "0.14"}, {74, "0.11"}}) +
                     Laid({{2, "n Fatal accidents"}, {53, "4"}, {64, "2"}, {76, "3"}}) + "\n" +
                     Laid({{2, "Safety"}}) +
                     Laid({{2, "n Near misses"}, {52, "10"}, {64, "12"}, {76, "14"}}) +
                     Laid({{2, "n Injuries"}, {53, "4"}, {65, "3"}, {77, "2"}}) +
                     Laid({{2, "n Days lost"}, {52, "40"}, {64, "30"}, {76, "20"}});
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 2u);
  const Table& t = s.tables()[0];
  EXPECT_EQ(t.header_line, 0u);
  EXPECT_EQ(t.last_line, LineWith(doc, "Fatal accidents"));
  EXPECT_EQ(GridTexts(s, t),
            (std::vector<std::vector<std::string>>{
                {"-", "2018", "2019", "2020"},
                {"n Number of employees", "160,301", "171,103", "172,703"},
                {"Lost time injury rate (post-Shareholders' Meeting)", "NA", "3.3", "2.7"},
                {"n Accident severity rate", "0.13", "0.14", "0.11"},
                {"n Fatal accidents", "4", "2", "3"}}));
  EXPECT_EQ(s.line(LineWith(doc, "Safety")).table, kNoIndex);
  EXPECT_EQ(s.tables()[1].first_line, LineWith(doc, "Near misses"));
  EXPECT_EQ(GridTexts(s, s.tables()[1])[0][0], "n Near misses");
}

TEST(StructureTest, MarkupTablesCarryTheirGrid) {
  using G = std::vector<std::vector<std::string>>;
  Document doc = Document::FromUtf8(
      "r.txt",
      "前文\n"
      "<table><tr><th colspan=\"2\">指标</th><th>2024</th></tr>\n"
      "<tr><td rowspan=\"2\">按性别</td><td>男性</td><td>1,277</td></tr>\n"
      "<tr><td>女性</td><td>497</td></tr></table>\n"
      "\n"
      "<table><tr><td>a</td><td>1</td></tr></table><table><tr><td>b</td><td>2</td></tr></table>\n"
      "\n"
      "| Site | Scope 1 | Total |\n"
      "|:--|--:|--:|\n"
      "| Plant A | 130 | 130 |\n"
      "| Total | 235 | 235 |\n");
  const Structure& s = doc.structure();
  ASSERT_EQ(s.tables().size(), 4u);
  const Table& html = s.tables()[0];
  EXPECT_EQ(html.first_line, 1u);
  EXPECT_EQ(html.last_line, 3u);
  EXPECT_EQ(html.grid_rows, 3u);
  EXPECT_EQ(html.grid_columns, 3u);
  EXPECT_EQ(GridTexts(s, html), (G{{"指标", "指标", "2024"}, {"按性别", "男性", "1,277"}, {"按性别", "女性", "497"}}));
  const TableCell& head = s.table_cells()[html.first_grid_cell];
  EXPECT_NE(head.flags & ESGAUDIT_TABLE_CELL_HEADER, 0u);
  EXPECT_EQ(head.column_span, 2u);
  const TableCell& value = s.table_cells()[html.first_grid_cell + html.grid_cell_count - 1];
  EXPECT_EQ(doc.text().substr(value.offset, value.length), "497");
  EXPECT_EQ(value.line, 3u);
  EXPECT_EQ(value.row, 2u);
  EXPECT_EQ(value.table, 0u);
  EXPECT_EQ(doc.view().substr(value.view_begin, value.view_end - value.view_begin), "497");
  EXPECT_EQ(s.table_cells()[html.first_grid_cell + 2].row_span, 2u);
  // Two tables on one line are two tables; the line belongs to the later one.
  EXPECT_EQ(GridTexts(s, s.tables()[1]), (G{{"a", "1"}}));
  EXPECT_EQ(GridTexts(s, s.tables()[2]), (G{{"b", "2"}}));
  EXPECT_EQ(s.line(5).table, 2u);
  const Table& pipes = s.tables()[3];
  EXPECT_EQ(pipes.source, ESGAUDIT_TABLE_SOURCE_PIPES);
  EXPECT_EQ(GridTexts(s, pipes), (G{{"Site", "Scope 1", "Total"}, {"Plant A", "130", "130"}, {"Total", "235", "235"}}));
  EXPECT_EQ(pipes.header_line, 7u);
  EXPECT_EQ(pipes.total_line, 10u);
  EXPECT_EQ(pipes.total_column, 2u);
}

TEST(StructureTest, ContentIndexRowsWhoseWordsRepeatAreIndexRowsNotRunningHeaders) {
  // Index rows that differ only in their codes' digits ("G4-EN1  暂未统计  否") repeat as often as
  // a running header once digits are left out; a row holding a code is the index's all the same.
  std::string text = "GRI G4 指标索引\n\t指标\t页码\t外部鉴证\n";
  const char* refs[] = {"暂未统计", "不适用", "P39"};
  for (int i = 1; i <= 30; ++i) {
    text += "\tG4-EN" + std::to_string(i) + "\t" + refs[i % 3] + "\t否\n";
    if (i % 10 == 0) text += "\n公司以保护环境为己任，持续推进节能减排工作，全年未发生重大环境事件。\n\n";
  }
  Document doc = Document::FromUtf8("r.txt", text);
  const Structure& s = doc.structure();
  ASSERT_EQ(s.index_rows().size(), 30u);
  for (const IndexRow& row : s.index_rows()) {
    EXPECT_EQ(s.line(row.line).role, ESGAUDIT_ROLE_INDEX_ROW) << row.code;
    EXPECT_EQ(s.line(row.line).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u) << row.code;
    EXPECT_FALSE(s.IsBody(row.line)) << row.code;
  }
}

TEST(StructureTest, ARowRepeatedOverMarkdownTablesIsNoRunningHeader) {
  // The same row in the tables of several pages is a row of each, not a running header.
  std::ostringstream text;
  for (int page = 1; page <= 4; ++page) {
    text << "第" << page << "页正文，介绍本页的员工情况。\n\n";
    text << "| 类别 | 人数 |\n|---|---|\n| 管理层 | 12 |\n| 员工 | " << 100 + page << " |\n\n\f";
  }
  Document doc = Document::FromUtf8("r.txt", text.str());
  const Structure& s = doc.structure();
  size_t rows = 0;
  for (size_t i = 0; i < doc.line_count(); ++i) {
    if (doc.LineText(i).find("管理层") == std::string_view::npos) continue;
    ++rows;
    EXPECT_EQ(Role(doc, i), "table-row") << i;
    EXPECT_EQ(s.line(i).flags & ESGAUDIT_LINE_FURNITURE_MASK, 0u) << i;
  }
  EXPECT_EQ(rows, 4u);
  EXPECT_EQ(s.tables().size(), 4u);
}

TEST(StructureTest, ReportYearAndPeriod) {
  // OCR read 日 as 曰; the period wins over any title.
  Document ocr = Document::FromUtf8(
      "r.txt", "2019年社会责任报告\n本报告时间范围为2020年1月1曰至2020年12月31曰。\n");
  EXPECT_EQ(ocr.structure().metadata().report_year, 2020);
  EXPECT_EQ(ocr.structure().metadata().period_begin, "2020-01-01");
  EXPECT_EQ(ocr.structure().metadata().period_end, "2020-12-31");
  // The second date without its year.
  Document range = Document::FromUtf8("r.txt", "报告期间：2016年1月1日至12月31日\n");
  EXPECT_EQ(range.structure().metadata().report_year, 2016);
  EXPECT_EQ(range.structure().metadata().period_end, "2016-12-31");
  // A fiscal year.
  Document fiscal = Document::FromUtf8("r.txt", "报告期为2019年7月1日至2020年6月30日。\n");
  EXPECT_EQ(fiscal.structure().metadata().report_year, 2020);
  // Never from a name or a cited document; the report's title wins by repetition.
  Document names = Document::FromUtf8("r.txt",
                                      "积极落实联合国2030年可持续发展议程。\n"
                                      "参照《2015年社会责任报告》的做法。\n"
                                      "华能国际2017年社会责任报告\n"
                                      "华能国际2017年社会责任报告\n");
  EXPECT_EQ(names.structure().metadata().report_year, 2017);
  // A title broken after its year; an English title with the year after it or a fiscal year.
  Document broken = Document::FromUtf8("r.txt", "2016年度\n社会责任报告\n");
  EXPECT_EQ(broken.structure().metadata().report_year, 2016);
  Document after = Document::FromUtf8("r.txt", "Creating Shared Value and Sustainability Report 2022\n");
  EXPECT_EQ(after.structure().metadata().report_year, 2022);
  Document fy = Document::FromUtf8("r.txt", "2022-23 Corporate\nResponsibility Report\n");
  EXPECT_EQ(fy.structure().metadata().report_year, 2022);
  Document none = Document::FromUtf8("r.txt", "积极落实联合国2030年可持续发展议程。\n");
  EXPECT_EQ(none.structure().metadata().report_year, 0);
  // A short span is an event, not the reporting period.
  Document event = Document::FromUtf8("r.txt", "2020年3月1日至3月15日开展安全月活动。\n");
  EXPECT_EQ(event.structure().metadata().report_year, 0);
}

// How the period was stated, read on constructions modelled on the corpus (synthetic wording).
TEST(StructureTest, YearsAndMonthsDamagedByOcrAreReadInAPeriodStatementOnly) {
  auto read = [](const std::string& text) {
    Document doc = Document::FromUtf8("r.txt", text);
    const ReportMetadata& md = doc.structure().metadata();
    return std::make_tuple(md.period_kind, md.report_year, md.period_begin, md.period_end,
                           (md.flags & ESGAUDIT_METADATA_PERIOD_STATEMENT) != 0);
  };
  // O and 〇 read 0 when that leaves a year.
  auto [kind, year, begin, end, statement] = read("报告时间范围：2O16年1月1日至2〇16年12月31日。\n");
  EXPECT_EQ(kind, ESGAUDIT_PERIOD_RANGE);
  EXPECT_EQ(begin, "2016-01-01");
  EXPECT_EQ(end, "2016-12-31");
  EXPECT_TRUE(statement);
  // A start year ending in S (5 or 6) is ambiguous: the end only.
  std::tie(kind, year, begin, end, statement) = read("数据主要收集期间自201S年1月1日至2〇16年12月31日。\n");
  EXPECT_EQ(kind, ESGAUDIT_PERIOD_END_ONLY);
  EXPECT_EQ(year, 2016);
  EXPECT_EQ(end, "2016-12-31");
  EXPECT_TRUE(statement);
  // A month whose second digit was lost (1?月) leaves the year, when both ends have it.
  std::tie(kind, year, begin, end, statement) = read("时间范围\n2016年1月1日至2016年1?月31日，部分内容超出上述范围。\n");
  EXPECT_EQ(kind, ESGAUDIT_PERIOD_YEAR);
  EXPECT_EQ(year, 2016);
  EXPECT_TRUE(statement);
  EXPECT_EQ(std::get<0>(read("时间范围\n2015年7月1日至2016年1?月31日。\n")), ESGAUDIT_PERIOD_NONE);
  // Never in running figures, nor outside a year.
  EXPECT_EQ(std::get<0>(read("公司2O16年1月1日至2〇16年12月31日累计捐赠善款。\n")), ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(std::get<0>(read("报告期为2OO年1月1日至2OS年12月31日。\n")), ESGAUDIT_PERIOD_NONE);
}

TEST(StructureTest, ARangeWhoseFirstDayWasLostIsStillARange) {
  // Extraction dropped the first day's digits; the 日 left behind does not end the range.
  Document doc = Document::FromUtf8("r.txt", "时间范围：\n2016年1月日-2016年12月31日，部分内容超出上述范围。\n");
  const ReportMetadata& md = doc.structure().metadata();
  EXPECT_EQ(md.period_kind, ESGAUDIT_PERIOD_RANGE);
  EXPECT_EQ(md.period_end, "2016-12-31");
  EXPECT_TRUE((md.flags & ESGAUDIT_METADATA_PERIOD_STATEMENT) != 0);
}

TEST(StructureTest, HowThePeriodWasStated) {
  struct Read {
    esgaudit_period_kind kind;
    int year;
    std::string begin, end;
    bool statement;
  };
  auto read = [](const std::string& text) {
    Document doc = Document::FromUtf8("r.txt", text);
    const ReportMetadata& md = doc.structure().metadata();
    return Read{md.period_kind, md.report_year, md.period_begin, md.period_end,
                (md.flags & ESGAUDIT_METADATA_PERIOD_STATEMENT) != 0};
  };
  // A whole year after the period's name, or below a heading naming it; the span is the year.
  Read r = read("三、报告期\n本期报告的时间范围为2018年度，部分内容有所延伸。\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_YEAR);
  EXPECT_EQ(r.year, 2018);
  EXPECT_EQ(r.begin, "");
  EXPECT_TRUE(r.statement);
  Document year = Document::FromUtf8("r.txt", "报告时段\n\n2019年度\n");
  EXPECT_EQ(year.structure().metadata().period_kind, ESGAUDIT_PERIOD_YEAR);
  EXPECT_EQ(year.text().substr(year.structure().metadata().period_offset, year.structure().metadata().period_length),
            "2019年度");
  EXPECT_EQ(read("本报告主要反映了本公司在2017年度履行社会责任的情况。\n").kind, ESGAUDIT_PERIOD_YEAR);
  // Near misses: an event during the period, another document's year, a year without 年.
  EXPECT_EQ(read("报告期内，本公司完成了2018年度目标。\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("报告期间发布了《2015年度环境报告》。\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("本报告记录了《2015年度可持续发展规划》的落实。\n").kind, ESGAUDIT_PERIOD_NONE);

  // A range without its year: the title's year, or a whole-year statement's.
  r = read("    2021年可持续发展报告\n\n本报告期间为1月1日至12月31日。\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_RANGE_NO_YEAR);
  EXPECT_EQ(r.begin, "2021-01-01");
  EXPECT_EQ(r.end, "2021-12-31");
  // Near miss: "every year" says how long a period is, not which one; the title's year stays.
  r = read("    2021年可持续发展报告\n\n本报告期间为每年1月1日至12月31日。\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(r.year, 2021);
  EXPECT_EQ(read("2021年可持续发展报告\n报告周期：每一年1月1日至12月31日\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("2021年可持续发展报告\n时间范围为每年的1月1日至12月31日\n").kind, ESGAUDIT_PERIOD_NONE);
  r = read("报告周期为2019年度。\n时间范围：4月1日至次年3月31日\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_YEAR);  // "次年" is no month: the year statement stands
  r = read("报告期为2019年度。\n具体时间范围为1月1日至12月31日。\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_RANGE_NO_YEAR);
  EXPECT_EQ(r.end, "2019-12-31");
  // Undated: no year anywhere.
  EXPECT_EQ(read("本报告时间范围为1月1日至12月31日。\n").kind, ESGAUDIT_PERIOD_NONE);
  // Near miss: an event with dates is no statement.
  EXPECT_EQ(read("    2021年可持续发展报告\n\n公司于4月1日至4月30日开展质量月活动。\n").kind, ESGAUDIT_PERIOD_NONE);

  // A start damaged by OCR: the end only.
  r = read("本报告时间跨度覆盖2O1百年乚月l曰至2018年12月31曰。\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_END_ONLY);
  EXPECT_EQ(r.begin, "");
  EXPECT_EQ(r.end, "2018-12-31");
  EXPECT_EQ(r.year, 2018);
  // Near miss: "as of" a date, with 报告期 in the same sentence.
  EXPECT_EQ(read("截至2018年12月31日，报告期实现营业收入12亿元。\n").kind, ESGAUDIT_PERIOD_NONE);

  // Ranges: months only under a heading, repeated or OCR'd dashes, broken over two lines.
  r = read("报告时间范围:\n2017年1月至 2017年12月,部分资料有所追溯。\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_RANGE);
  EXPECT_EQ(r.begin, "2017-01-01");
  EXPECT_EQ(r.end, "2017-12-31");
  EXPECT_EQ(read("2017年1月至12月,公司收入增长。\n").kind, ESGAUDIT_PERIOD_NONE);  // no days, no statement
  EXPECT_EQ(read("二、时间范围：2018年1月1日——2018年12月31日\n").end, "2018-12-31");
  EXPECT_EQ(read("本报告的时间跨度为2018年1月1日一12月31日。\n").end, "2018-12-31");
  r = read("二、报告期间2018年1月1日\n至2018年12月31日，部分内容超出此范围。\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_RANGE);
  EXPECT_EQ(r.end, "2018-12-31");
  // What a statement says, even a short span (a misprint is the report's to fix).
  EXPECT_EQ(read("报告期间2018年1月1日至2018年1月31日。\n").end, "2018-01-31");
  // A sentence of the report about itself states it too, when the range spans about a year.
  r = read("本报告主要记述2018年1月1日至2018年12月31日期间公司的履责实践。\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_RANGE);
  EXPECT_TRUE(r.statement);
  EXPECT_EQ(read("本报告期内，公司于2018年3月1日至2018年5月31日开展安全月活动。\n").kind, ESGAUDIT_PERIOD_NONE);
  // A range elsewhere is the period when it spans a year, but is no statement.
  r = read("自2018年1月1日至2018年12月31日期间,公司新增专利12项。\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_RANGE);
  EXPECT_FALSE(r.statement);
  // Numeric dates, joined by a dash or by "to".
  EXPECT_EQ(read("报告期间：2018.1.1-2018.12.31\n").end, "2018-12-31");
  r = read("Reporting period: 2018.1.1 to 2018.12.31\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_RANGE);
  EXPECT_EQ(r.begin, "2018-01-01");
  EXPECT_EQ(r.end, "2018-12-31");
  EXPECT_EQ(read("Reporting period: 2018.1.1 tolerance 2018.12.31\n").kind, ESGAUDIT_PERIOD_NONE);
  // Near miss: another period named before the brackets.
  EXPECT_EQ(read("公司在考核期间（2017年5月1日-2018年4月30日）获评A级。\n").kind, ESGAUDIT_PERIOD_NONE);
  // A page extracted as one long line is read sentence by sentence.
  std::string page(3000, 'x');
  page += "。报告的时间范围：2018年1月1日至12月31日。";
  EXPECT_EQ(read(page + "\n").end, "2018-12-31");
}

// The period stated in English (synthetic sentences), with near misses: a target, a base year,
// another report, a name.
TEST(StructureTest, ThePeriodStatedInEnglish) {
  struct Read {
    esgaudit_period_kind kind;
    int year;
    std::string begin, end, span;
    bool statement;
  };
  auto read = [](const std::string& text) {
    Document doc = Document::FromUtf8("r.txt", text);
    const ReportMetadata& md = doc.structure().metadata();
    return Read{md.period_kind, md.report_year, md.period_begin, md.period_end,
                std::string(doc.text().substr(md.period_offset, md.period_length)),
                (md.flags & ESGAUDIT_METADATA_PERIOD_STATEMENT) != 0};
  };
  // Whole years.
  Read r = read("This report covers the fiscal year 2023, unless otherwise noted.\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_YEAR);
  EXPECT_EQ(r.year, 2023);
  EXPECT_EQ(r.span, "the fiscal year 2023");
  EXPECT_TRUE(r.statement);
  r = read("This report covers our operations in FY2022.\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_YEAR);
  EXPECT_EQ(r.year, 2022);
  EXPECT_EQ(r.span, "FY2022");
  EXPECT_EQ(read("This sustainability report describes activities during the calendar year 2021.\n").year, 2021);
  r = read("The reporting period is 2020.\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_YEAR);
  EXPECT_EQ(r.year, 2020);
  EXPECT_EQ(read("Reporting period: calendar year 2019\n").year, 2019);
  EXPECT_EQ(read("The reporting period is FY2023.\n").year, 2023);
  // Near misses: a target, a base year, another report, a name, a fiscal year printed as a range.
  EXPECT_EQ(read("This report covers our progress towards targets set for fiscal year 2030.\n").kind,
            ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("This report measures emissions against the base fiscal year 2019.\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("This report updates our previous report on fiscal year 2021.\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("This report supports the Vision 2030 programme.\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("See our fiscal year 2022 report for details.\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("We aim to be net zero by 2030 over the reporting period.\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("The reporting period is 2022-23.\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("The reporting period is 2022–23.\n").kind, ESGAUDIT_PERIOD_NONE);  // an en dash
  EXPECT_EQ(read("This report covers our operations in FY2022–23.\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("This report covers our operations in FY2022-23.\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("Wages were higher than in the equivalent reporting period in 2021.\n").kind, ESGAUDIT_PERIOD_NONE);
  // The year is looked for in the rest of the sentence, however long, and not beyond it.
  r = read("This Report covers ESG strategies , activities , progress , metrics and performance from "
           "calendar year 2022 , unless otherwise noted .\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_YEAR);
  EXPECT_EQ(r.year, 2022);
  EXPECT_EQ(r.span, "calendar year 2022");
  r = read("The report covers the group's global operations for the fiscal year ended December 31 , 2022 , and "
           "has not been assured.\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_YEAR);
  EXPECT_EQ(r.year, 2022);
  EXPECT_EQ(r.span, "the fiscal year ended December 31 , 2022");
  EXPECT_EQ(read("This report covers our strategies, programmes, policies and the progress of all our business "
                 "units. Our revenue grew in the fiscal year 2022.\n")
                .kind,
            ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("This report covers our strategies, programmes, policies and the progress of all our business "
                 "units towards the goals set for fiscal year 2030.\n")
                .kind,
            ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("This report covers our strategies, programmes, policies and the progress made since fiscal year "
                 "2019.\n")
                .kind,
            ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("This report covers 12 plants and their emissions in the fiscal year 2022.\n").kind,
            ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("The report of the board describes the fiscal year 2022.\n").kind, ESGAUDIT_PERIOD_NONE);

  // Ranges: day first or month first, the first year left out, a fiscal year across two years.
  r = read("This report covers the period from 1 January to 31 December 2023, unless otherwise stated.\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_RANGE);
  EXPECT_EQ(r.begin, "2023-01-01");
  EXPECT_EQ(r.end, "2023-12-31");
  EXPECT_TRUE(r.statement);
  r = read("This report covers January 1 – December 31, 2023.\n");
  EXPECT_EQ(r.begin, "2023-01-01");
  EXPECT_EQ(r.end, "2023-12-31");
  r = read("This report covers activities from January 1, 2023, to December 31, 2023.\n");
  EXPECT_EQ(r.end, "2023-12-31");
  r = read("This report covers the financial year from 1 December 2021 to 30 November 2022.\n");
  EXPECT_EQ(r.kind, ESGAUDIT_PERIOD_RANGE);
  EXPECT_EQ(r.begin, "2021-12-01");
  EXPECT_EQ(r.end, "2022-11-30");
  EXPECT_EQ(r.year, 2022);
  r = read("The reporting period is July 1 to June 30, 2023.\n");
  EXPECT_EQ(r.begin, "2022-07-01");
  EXPECT_EQ(r.end, "2023-06-30");
  // Below a heading naming the period.
  r = read("Reporting Period\nJan. 1st 2016-Dec. 31st, 2016, some content goes beyond it.\n");
  EXPECT_EQ(r.end, "2016-12-31");
  EXPECT_TRUE(r.statement);
  // A range beats a whole year; near misses: a short event, a range of another period.
  EXPECT_EQ(read("This report covers fiscal year 2023.\nThe reporting period is 1 April 2022 to 31 March 2023.\n").begin,
            "2022-04-01");
  EXPECT_EQ(read("The campaign ran from 1 March to 15 March 2023.\n").kind, ESGAUDIT_PERIOD_NONE);
  EXPECT_EQ(read("The pilot ran from 1 March to 15 March 2023 in this report's scope.\n").kind, ESGAUDIT_PERIOD_NONE);
}

TEST(StructureTest, TheTitleYearIsKeptBesideThePeriod) {
  Document doc = Document::FromUtf8("r.txt", "2019年社会责任报告\n本报告时间范围为2020年1月1日至2020年12月31日。\n");
  const ReportMetadata& md = doc.structure().metadata();
  EXPECT_EQ(md.report_year, 2020);
  EXPECT_EQ(md.title_year, 2019);
  EXPECT_EQ(doc.text().substr(md.title_offset, md.title_length), "2019年社会责任报告");
  // A company's name between the year and the title's words; a blank line inside a broken title.
  Document name = Document::FromUtf8("r.txt", "2018年 某某省电力股份有限公司企业社会责任报告\n");
  EXPECT_EQ(name.structure().metadata().title_year, 2018);
  Document broken = Document::FromUtf8("r.txt", "2018\n\n某网社会责任报告\n");
  EXPECT_EQ(broken.structure().metadata().title_year, 2018);
  // The title's words on one line and its year on the next with text (a blank line between): the
  // title line is read with the year, which it lacks itself.
  Document after = Document::FromUtf8("r.txt", "Acme ESG Report\n\n2023\n");
  EXPECT_EQ(after.structure().metadata().title_year, 2023);
  // Near miss: a date above the title is not its year.
  Document date = Document::FromUtf8("r.txt", "董事长\n2019年4月28日\n某某集团社会责任报告\n");
  EXPECT_EQ(date.structure().metadata().title_year, 0);
  // An English cover line run on into the letter below it, "Global" between the year and the title.
  Document cover = Document::FromUtf8(
      "r.txt", "Acme 2022 Global Impact Report Jane Doe President and CEO , Acme Holdings , Inc. Our community "
               "is committed to empowering millions of merchants .\n");
  EXPECT_EQ(cover.structure().metadata().title_year, 2022);
  // Near miss: a target year before other words is no title's year.
  Document target = Document::FromUtf8("r.txt", "By 2030 our impact will be measured in this report .\n");
  EXPECT_EQ(target.structure().metadata().title_year, 0);
}

// The title's year is voted over lines lower-cased into one string kept from line to line (the next
// line appended for a title broken after its year): a long upper-case cover line, then a shorter
// broken title whose second half is upper-case, then a whole title; the year with most votes wins
// and its span is its first voting line's.
TEST(StructureTest, TitleYearVotesReadEachLineLowerCasedOnItsOwn) {
  Document doc = Document::FromUtf8("r.txt",
                                    "ACME GROUP 2021 SUSTAINABILITY REPORT, A COVER LINE RUNNING ON WELL PAST ITS TITLE\n"
                                    "2022\n"
                                    "\n"
                                    "ACME ESG REPORT\n"
                                    "2022年社会责任报告\n");
  const ReportMetadata& md = doc.structure().metadata();
  EXPECT_EQ(md.title_year, 2022);
  EXPECT_EQ(doc.text().substr(md.title_offset, md.title_length), "2022");
  Document one = Document::FromUtf8("r.txt", "A LONGER FIRST LINE WITH NO YEAR IN IT AT ALL\n2020\n\nAcme ESG REPORT\n");
  EXPECT_EQ(one.structure().metadata().title_year, 2020);
}

TEST(StructureTest, LanguagesAndClaimedStandards) {
  Document doc = Document::FromUtf8(
      "r.txt",
      "编制依据\n"
      "本报告参照全球报告倡议组织（GRI）《可持续发展报告标准》核心方案编制，\n"
      "并依据国家标准GB/T 36001《社会责任报告编写指南》。\n"
      "参考中国社会科学院《中国企业社会责任报告编写指南（CASS-CSR 4.0）》。\n"
      "本报告遵循深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）。\n"
      "本年度披露了GRI 305-1。\n");
  const ReportMetadata& md = doc.structure().metadata();
  EXPECT_EQ(md.languages, "zh");
  std::vector<std::string> got;
  for (const StandardClaim& c : md.claims) {
    got.push_back(std::string(Structure::StandardName(c.standard)) + " " +
                  Structure::ClaimModeName(c.mode) + " " +
                  std::to_string(doc.LineOf(c.offset) + 1) + " " +
                  std::string(doc.text().substr(c.offset, c.length)));
  }
  // GRI: the reference word is read first; a GRI code in passing under the basis heading is a mention
  // there (which gri takes as a reference).
  EXPECT_EQ(got, (std::vector<std::string>{"gri reference 2 GRI",
                                           "gbt36001 accordance 3 GB/T 36001",
                                           "cass-csr reference 4 CASS-CSR",
                                           "exchange-2024 accordance 5 深圳证券交易所上市公司自律监管指引第17号",
                                           "gri mention 6 GRI"}));
  EXPECT_EQ(md.claims.back().flags, ESGAUDIT_CLAIM_IN_BASIS);
  Document en = Document::FromUtf8(
      "r.txt", "This report has been prepared with reference to the GRI Standards for the year.\n");
  EXPECT_EQ(en.structure().metadata().languages, "en");
  ASSERT_EQ(en.structure().metadata().claims.size(), 1u);
  EXPECT_EQ(en.structure().metadata().claims[0].mode, ESGAUDIT_CLAIM_REFERENCE);
  EXPECT_EQ(en.structure().metadata().claims[0].flags, 0u);
  EXPECT_EQ(en.structure().metadata().flags, 0u);
  // The G4 Guidelines and the option named; the content index published online.
  Document g4 = Document::FromUtf8(
      "r.txt",
      "GRI内容索引请见公司网站 www.example.com。\n"
      "本报告参照全球报告倡议组织（GRI）《可持续发展报告指南》（G4）核心方案编制。\n");
  ASSERT_EQ(g4.structure().metadata().claims.size(), 1u);
  EXPECT_EQ(g4.structure().metadata().claims[0].flags, ESGAUDIT_CLAIM_NAMES_G4 | ESGAUDIT_CLAIM_CORE);
  EXPECT_EQ(g4.structure().metadata().flags, ESGAUDIT_METADATA_EXTERNAL_INDEX);
}

TEST(StructureTest, WhichExchangesGuidelineAClaimNames) {
  auto claims = [](const std::string& text) {
    Document doc = Document::FromUtf8("r.txt", text);
    std::vector<std::string> got;
    for (const StandardClaim& c : doc.structure().metadata().claims) {
      if (c.standard != ESGAUDIT_STANDARD_EXCHANGE_2024) continue;
      got.push_back(std::string(Structure::ExchangeName(c.exchange)) + " " + Structure::ClaimModeName(c.mode) +
                    " " + std::string(doc.text().substr(c.offset, c.length)));
    }
    return got;
  };
  // The guideline's number or the exchange's name; the span is the guideline's name.
  EXPECT_EQ(claims("本报告依据《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）》编制。\n"),
            (std::vector<std::string>{"szse accordance 深圳证券交易所上市公司自律监管指引第17号"}));
  EXPECT_EQ(claims("本报告参照《上海证券交易所上市公司自律监管指引第 14 号——可持续发展报告（试行）》编制。\n"),
            (std::vector<std::string>{"sse reference 上海证券交易所上市公司自律监管指引第 14 号"}));
  EXPECT_EQ(claims("按照《北京证券交易所上市公司持续监管指引第11号——可持续发展报告（试行）》编制本报告。\n"),
            (std::vector<std::string>{"bse accordance 北京证券交易所上市公司持续监管指引第11号"}));
  EXPECT_EQ(claims("This report is prepared in accordance with the Shenzhen Stock Exchange Self-Regulatory "
                   "Guidelines for Listed Companies No. 17 - Sustainability Report.\n")
                .size(),
            1u);
  EXPECT_EQ(claims("This report is prepared in accordance with the Shenzhen Stock Exchange Self-Regulatory "
                   "Guidelines for Listed Companies No. 17 - Sustainability Report.\n")[0]
                .substr(0, 16),
            "szse accordance ");
  // Without the exchange or the number the claim is the 2024 guideline's, exchange unnamed; another
  // exchange guideline number is not one of the three.
  EXPECT_EQ(claims("本报告参照上市公司可持续发展报告指引编制。\n"),
            (std::vector<std::string>{" reference 可持续发展报告指引"}));
  EXPECT_TRUE(claims("依据深圳证券交易所上市公司自律监管指引第1号——主板上市公司规范运作。\n").empty());
  // 遵守, "prepared under" and "follows" state accordance too; the name alone is a mention.
  EXPECT_EQ(claims("本报告遵守《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）》的要求。\n"),
            (std::vector<std::string>{"szse accordance 深圳证券交易所上市公司自律监管指引第17号"}));
  EXPECT_EQ(claims("This report is prepared under the Shanghai Stock Exchange Self-Regulatory Guidelines for "
                   "Listed Companies No. 14.\n"),
            (std::vector<std::string>{
                "sse accordance Shanghai Stock Exchange Self-Regulatory Guidelines for Listed Companies No. 14"}));
  EXPECT_EQ(claims("This report follows the Beijing Stock Exchange Continuous Supervision Guidelines No. 11.\n"),
            (std::vector<std::string>{"bse accordance Beijing Stock Exchange Continuous Supervision Guidelines No. 11"}));
  EXPECT_EQ(claims("《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）》\n"),
            (std::vector<std::string>{"szse mention 深圳证券交易所上市公司自律监管指引第17号"}));
}

TEST(StructureTest, TheReportingCompanyFromTitleStatementOrCover) {
  auto company = [](const std::string& text) {
    Document doc = Document::FromUtf8("r.txt", text);
    const ReportMetadata& md = doc.structure().metadata();
    if (md.company.empty()) return std::string();
    EXPECT_EQ(doc.text().substr(md.company_offset, md.company_length), md.company);
    return md.company + " @" + std::to_string(doc.LineOf(md.company_offset) + 1);
  };
  // The title, the name before its year; a statement about the report; a cover line alone.
  EXPECT_EQ(company("目录\n云南铝业股份有限公司2020年社会责任报告\n"), "云南铝业股份有限公司 @2");
  EXPECT_EQ(company("中信银行股份有限公司 2016年度社会责任报告\n"), "中信银行股份有限公司 @1");
  EXPECT_EQ(company("上海国际港务（集团）股份有限公司2016年可持续发展报告\n"),
            "上海国际港务（集团）股份有限公司 @1");
  EXPECT_EQ(company("关于本报告\n本报告以华能国际电力股份有限公司为主体，涵盖下属电厂。\n"),
            "华能国际电力股份有限公司 @2");
  EXPECT_EQ(company("本报告为环旭电子股份有限公司（以下简称环旭电子）发布的第四份报告。\n"),
            "环旭电子股份有限公司 @1");
  EXPECT_EQ(company("中国长江电力股份有限公司\n2016年社会责任报告\n"), "中国长江电力股份有限公司 @1");
  EXPECT_EQ(company("XYZ Technology Co., Ltd. 2023 Sustainability Report\n"), "XYZ Technology Co., Ltd. @1");
  // Each word a name may end with: 集团 and 银行 without 公司, in a title and alone on the cover.
  EXPECT_EQ(company("甲乙集团2019年社会责任报告\n"), "甲乙集团 @1");
  EXPECT_EQ(company("丙丁银行\n2019年社会责任报告\n"), "丙丁银行 @1");
  EXPECT_EQ(company("ACME Group 2023 ESG Report\n"), "ACME Group @1");
  // A title without its year or without a company's word names none.
  EXPECT_EQ(company("ACME Group ESG Report\n"), "");
  EXPECT_EQ(company("甲乙控股2019年社会责任报告\n"), "");
  // The title wins over a statement above it.
  EXPECT_EQ(company("本报告以甲乙控股有限公司为主体。\n丙丁能源股份有限公司2021年ESG报告\n"),
            "丙丁能源股份有限公司 @2");
  // Not a company: a phrase ending with 公司, a company cited in the body far from the cover.
  EXPECT_EQ(company("本报告以公司及下属子公司为主体。\n"), "");
  EXPECT_EQ(company("本报告是否能真实反映工商银行\n"), "");
  EXPECT_EQ(company("本报告为2016年度公司社会责任报告。\n"), "");
  EXPECT_EQ(company("©2016年社会责任报告 海南航空股份有限公司\n"), "");
  // A bracket inside the name.
  EXPECT_EQ(company("本报告为上海复星医药（集团）股份有限公司发布的第九份报告。\n"),
            "上海复星医药（集团）股份有限公司 @1");
  EXPECT_EQ(company("(于中华人民共和国注册成立的股份有限公司)\n"), "");
  std::string late(50, '\n');
  for (int i = 0; i < 45; ++i) late += "第" + std::to_string(i) + "行正文内容。\n";
  late += "某某物流有限公司\n";
  EXPECT_EQ(company(late), "");
}

TEST(StructureTest, TheSampleAsTheToolReadsIt) {
  Document doc;
  ASSERT_TRUE(Document::Load(testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt"), &doc).ok());
  const Structure& s = doc.structure();
  // The 目录 page with its nine chapters (壹 … 玖) is one TOC region.
  size_t toc_title = LineWith(doc, "目 录");
  EXPECT_NE(s.line(toc_title).flags & ESGAUDIT_LINE_TOC, 0u);
  EXPECT_NE(s.line(LineWith(doc, "承包商管控")).flags & ESGAUDIT_LINE_TOC, 0u);
  EXPECT_GE(s.toc().size(), 30u);
  // 云/铝/股/份 down the margin of the chairman's letter.
  size_t yun = LineWith(doc, "2020年是全面建成小康社会") - 6;
  ASSERT_EQ(doc.LineText(yun).substr(doc.LineText(yun).find_first_not_of(' ')), "云");
  EXPECT_NE(s.line(yun).flags & ESGAUDIT_LINE_SIDE_BANNER, 0u);
  EXPECT_EQ(Role(doc, yun), "furniture");
  // The stated period and the claimed standards under 编制依据.
  EXPECT_EQ(s.metadata().report_year, 2020);
  EXPECT_EQ(s.metadata().period_begin, "2020-01-01");
  EXPECT_EQ(doc.LineOf(s.metadata().period_offset) + 1, 110u);
  EXPECT_EQ(s.metadata().languages, "zh");
  ASSERT_GE(s.metadata().claims.size(), 2u);
  EXPECT_EQ(s.metadata().claims[0].standard, ESGAUDIT_STANDARD_GRI);
  EXPECT_EQ(doc.LineOf(s.metadata().claims[0].offset) + 1, 127u);
  EXPECT_EQ(s.metadata().claims[1].standard, ESGAUDIT_STANDARD_GBT36001);
  EXPECT_EQ(doc.LineOf(s.metadata().claims[1].offset) + 1, 132u);
  EXPECT_EQ(Role(doc, 97), "prose");  // 本报告为云南铝业股份有限公司…
  EXPECT_EQ(s.metadata().company, "云南铝业股份有限公司");
  EXPECT_EQ(doc.LineOf(s.metadata().company_offset) + 1, 98u);
}

}  // namespace
}  // namespace esgaudit
