// The relation analysis read the fast way (byte tests passing over lines and sentences that cannot
// hold what a reader looks for, UTF-8 decoded by its fast path) and the general way (every line and
// sentence decoded and read) find the same relations and raise the same findings, on random documents
// built from the constructions those byte tests guard and their near misses.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "esgaudit/rule_selection.h"
#include "esgaudit_testing.h"
#include "register.h"
#include "relation_analysis.h"
#include "relation_test_support.h"

namespace esgaudit::numeric {
namespace {

// Findings and relations of `text`, each as one line with its locations.
std::string Audit(const std::string& text, ReadPath path) {
  SetReadPathForTesting(path);
  std::string out;
  for (const char* mode : {"check", "relations"}) {
    RunOptions options;
    options.lang = "zh";
    options.mode = mode;
    options.selection = &Selection();
    const ReportResult r = testing::Run(Registry(), Document::FromUtf8("test.txt", text), options);
    for (const Finding& f : r.findings) {
      out += std::to_string(f.location.offset) + " " + f.rule + " " + f.message + "\n";
    }
    for (const RelationRecord& x : r.relations) {
      out += x.kind + " " + x.description + ":";
      for (const Related& m : x.members) {
        out += " " + std::to_string(m.location.offset) + "+" + std::to_string(m.location.length) + " " + m.message;
      }
      out += "\n";
    }
  }
  SetReadPathForTesting(ReadPath::kFast);
  return out;
}

TEST(RelationReadPath, FastAndGeneralReadsFindTheSameRelations) {
  // Blocks of the guarded readers: a footnote's 其中 list under a KPI table, two charts under
  // one caption line of 按 captions, running totals (累计 / 历年) beside a year's figure, breakdown
  // tables keyed by the years of a staff table under a 年份 header, and sentences of a count and its
  // kinds, or a headcount and its groups (read only where the sentence holds enough figures).
  const std::vector<std::vector<std::string>> blocks = {
      {"环境与社会绩效", "公司坚持绿色发展，持续完善环境管理体系。", "指标\t2023年",
       "综合能源消费量（万吨标准煤）\t412.6", "总取水量（百万立方米）注1\t86.4", "废水排放量（万吨）\t35.2",
       "对外捐赠额（万元）注2\t560", "安全生产事故（起）\t0",
       "注1\t其中，地表水41.3百万立方米，地下水12.6百万立方米，市政供水20.9百万立方米，再",
       "生水和其他水源11.6百万立方米。", "注2\t其中，乡村振兴项目捐赠385万元。"},
      {"节能环保投入",
       "2023年，公司节能环保专项资金投入18.40亿元，其中，环保资金投入11.20亿元，重点用于污染治理；"
       "节能资金投入7.20亿元，重点用于锅炉改造。",
       "节能环保专项资金投入-按业务(亿元)\t环保资金投入-按用途(亿元)", "煤炭业务 3.10", "发电业务\t12.60",
       "运输业务 2.70", "废气治理 6.40", "废水治理\t2.30", "生态修复1.50", "其他", "1.00", "推动节能降耗"},
      {"截至2020年底，公司累计获得授权专利860件，2020年新增授权专利95件。",
       "2021年，基金会捐赠总额为320万元，历年累计捐赠金额达2,450万元。", "报告期内，新增合格供应商35家，累计达412家。",
       "本年回收包装盒超过2,800个，历年回收近25,000个。",
       "国内累计授权专利860件，本年国内新增授权95件；国外累计授权专利120件，本年国外新增授权17件。"},
      {"公司员工结构", "单位：人", "年份\t总人数\t男\t女", "2024\t3,120\t1,710\t1,410", "2023\t2,980\t1,650\t1,330",
       "2022\t2,760\t1,540\t1,220", "员工学历结构\t单位：人", "年份\t硕士及以上\t本科\t大专\t中专及以下",
       "2024\t214\t1,236\t1,032\t638", "2023\t198\t1,167\t985\t630", "2022\t176\t1,071\t917\t596",
       "员工地区分布\t单位：人", "地区\t2023年员工数\t2024年员工数", "华东\t1,402\t1,466", "华北\t713\t752",
       "西南\t528\t547", "境外\t337\t355"},
      {"2023年，公司荣获奖项34个，团体奖3个，个人奖31个。", "完成科技成果410项，煤炭类152项，煤化工类237项，其他类21项。",
       "共9项成果获奖（1项二等奖，8项三等奖）。", "公司在岗员工19817人，女性员工4232人，少数民族员工1006人。",
       "年末员工总数2,860人，其中女性员工1,120人，35岁以下员工1,304人。", "建成焚烧厂12个，中转站5个，填埋场5个。"},
  };
  // What a line may become: the mark or word the byte test looks for changed into a near miss or
  // split by a blank or a line break, a header opening with blanks, a figure changed or dropped.
  const std::vector<std::pair<std::string, std::vector<std::string>>> changes = {
      {"注", {"註", "住", "关注", "注 ", " 注", "注\n"}},
      {"按", {"接", "按照", " 按", "按 "}},
      {"累计", {"累 计", "累\n计", "累积", "积累", "合计", "总计"}},
      {"历年", {"历 年", "历史", "往年", "历年来", "歴年"}},
      {"年份", {" 年份", "\t年份", "年 份", "年度", "年份数", "份年", "\r年份"}},
      {"个人奖31个", {"个人奖若干", "个人奖31", "个人奖31个；团体奖3个", "个人奖31个。团体奖3个"}},
      {"其他类21项", {"其他类若干", "其他类21项（含国家级2项）", "其他类"}},
      {"女性员工4232人", {"女性员工四千余人", "女性员工4232", "女性员工占比42.32%", "女性员工4232人。其中"}},
      {"少数民族员工1006人", {"少数民族员工", "少数民族员工1006人（含女性员工411人）"}},
  };
  std::mt19937 rng(20261202);
  size_t with_relations = 0, with_findings = 0;
  size_t footnote = 0, charts = 0, running = 0, staff = 0, kinds = 0, groups = 0;
  for (int round = 0; round < 1200; ++round) {
    std::string text;
    const int n = 1 + static_cast<int>(rng() % 3);
    for (int b = 0; b < n; ++b) {
      for (std::string line : blocks[rng() % blocks.size()]) {
        if (rng() % 12 == 0) continue;  // a line dropped
        for (const auto& [from, to] : changes) {
          const size_t at = line.find(from);
          if (at != std::string::npos && rng() % 8 == 0) line.replace(at, from.size(), to[rng() % to.size()]);
        }
        if (rng() % 8 == 0) {  // a figure changed: sums fail as well as hold
          const size_t d = line.find_first_of("0123456789");
          if (d != std::string::npos) line[d] = static_cast<char>('1' + rng() % 9);
        }
        text += line + "\n";
      }
      if (rng() % 3 == 0) text += "\f";
    }
    const std::string fast = Audit(text, ReadPath::kFast);
    const std::string general = Audit(text, ReadPath::kGeneral);
    ASSERT_EQ(fast, general) << text;
    with_relations += fast.find(':') != std::string::npos;
    with_findings += fast.find("numeric.") != std::string::npos;
    footnote += fast.find("(地表水)") != std::string::npos || fast.find("(乡村振兴项目捐赠)") != std::string::npos;
    charts += fast.find("(煤炭业务)") != std::string::npos || fast.find("(废气治理)") != std::string::npos;
    running += fast.find("累计") != std::string::npos && fast.find("subset") != std::string::npos;
    staff += fast.find("(硕士及以上)") != std::string::npos || fast.find("(华东)") != std::string::npos;
    kinds += fast.find("(团体奖)") != std::string::npos || fast.find("(煤炭类)") != std::string::npos;
    groups += fast.find("(少数民族员工)") != std::string::npos;
  }
  // Each reader found relations and some sums failed, so an answer that differed would show.
  EXPECT_GT(with_relations, 900u);
  EXPECT_GT(with_findings, 60u);
  EXPECT_GT(footnote, 200u);
  EXPECT_GT(charts, 150u);
  EXPECT_GT(running, 250u);
  EXPECT_GT(staff, 60u);
  EXPECT_GT(kinds, 300u);
  EXPECT_GT(groups, 300u);
}

}  // namespace
}  // namespace esgaudit::numeric
