// The word lists cnexchange once searched the whole view (or every line) for are found by the
// keyword scan's case-sensitive literals (KeywordScan::exact): the same places as that search, with
// repeated and overlapping words, and a word in another case is still no match. Also the short quote.
#include <esgaudit/text.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string_view>
#include <unordered_map>
#include <string>
#include <vector>

#include "analysis.h"
#include "esgaudit_testing.h"
#include "random_draw.h"
#include "register.h"
#include "rule_pack.h"

namespace esgaudit {
namespace {

const sdk::Registry& Registry() {
  static const sdk::Registry& r = sdk::BuildRegistry(&cnexchange::RegisterRules);
  return r;
}

const char kClaim[] =
    "本报告依据《深圳证券交易所上市公司自律监管指引第17号——可持续发展报告（试行）》编制。\n";

std::vector<const Finding*> Of(const ReportResult& r, const std::string& rule) {
  std::vector<const Finding*> out;
  for (const Finding& f : r.findings)
    if (f.rule == rule) out.push_back(&f);
  return out;
}

// A sentence's figure names its quantity by the longest name of the pack ending the text before
// it, the first in the pack's order among names of that length: QuantityNamedAtEnd, which asks
// only the names ending in the text's last byte, against the walk over every name of every
// quantity, on texts ending in whole names, names cut short at any byte, two names run together
// and other text.
TEST(CnexchangeScanTest, TheQuantityNamedAtTheEndIsTheLongestNameOfThePackEndingTheText) {
  const cnexchange::RulePack pack = cnexchange::RulePack::FromFiles(
      testing::SourcePath("rules/cnexchange/guideline.json"), testing::SourcePath("rules/cnexchange/policy.ini"));
  const std::vector<cnexchange::QuantitySpec>& qs = pack.quantities();
  ASSERT_FALSE(qs.empty());
  std::vector<const std::string*> all;
  for (const cnexchange::QuantitySpec& q : qs)
    for (const std::string& name : q.labels) all.push_back(&name);
  ASSERT_GT(all.size(), 20u);
  auto walk = [&](std::string_view before, std::string* label) {
    const cnexchange::QuantitySpec* spec = nullptr;
    for (const cnexchange::QuantitySpec& q : qs) {
      for (const std::string& name : q.labels) {
        if (name.size() > label->size() && before.size() >= name.size() &&
            before.substr(before.size() - name.size()) == name) {
          spec = &q;
          *label = name;
        }
      }
    }
    return spec;
  };
  const cnexchange::QuantityNamesByLastByte index(qs);
  const std::vector<std::string> fillers = {"", "公司", "年度", "总", "的", " ", "a", "量", "\xE9", "2023年"};
  std::mt19937 rng(47);
  size_t named = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string before = fillers[rng() % fillers.size()];
    const int pieces = 1 + static_cast<int>(rng() % 3);
    for (int p = 0; p < pieces; ++p) {
      const std::string& name = *all[rng() % all.size()];
      switch (rng() % 3) {
        case 0:
          before += name;
          break;
        case 1:
          before += name.substr(rng() % (name.size() + 1));  // its end from any byte
          break;
        default:
          before += name.substr(0, rng() % (name.size() + 1)) + fillers[rng() % fillers.size()];
      }
    }
    std::string want_label, got_label;
    const cnexchange::QuantitySpec* want = walk(before, &want_label);
    const cnexchange::QuantitySpec* got = cnexchange::QuantityNamedAtEnd(before, index, &got_label);
    ASSERT_EQ(got, want) << before;
    ASSERT_EQ(got_label, want_label) << before;
    named += want != nullptr;
  }
  EXPECT_GT(named, 6000u);
  std::string label;
  EXPECT_EQ(cnexchange::QuantityNamedAtEnd("", index, &label), nullptr);
  // A name two quantities share goes to the first; a longer name to its own, wherever it stands.
  std::vector<cnexchange::QuantitySpec> two(2);
  two[0].labels = {"排放量", "总量"};
  two[1].labels = {"排放量", "二氧化碳排放量", ""};
  const cnexchange::QuantityNamesByLastByte two_index(two);
  EXPECT_EQ(cnexchange::QuantityNamedAtEnd("废气排放量", two_index, &label), &two[0]);
  EXPECT_EQ(label, "排放量");
  EXPECT_EQ(cnexchange::QuantityNamedAtEnd("本年二氧化碳排放量", two_index, &label), &two[1]);
  EXPECT_EQ(label, "二氧化碳排放量");
  label = "kept";
  EXPECT_EQ(cnexchange::QuantityNamedAtEnd("用水", two_index, &label), nullptr);
  EXPECT_EQ(label, "kept");
}

TEST(CnexchangeScanTest, TheExactWordsAreEveryWordOfTheirLists) {
  const cnexchange::RulePack pack = cnexchange::RulePack::FromFiles(
      testing::SourcePath("rules/cnexchange/guideline.json"), testing::SourcePath("rules/cnexchange/policy.ini"));
  const std::vector<std::string> exact = cnexchange::ExactWordLists(pack);
  EXPECT_TRUE(std::is_sorted(exact.begin(), exact.end()));
  EXPECT_EQ(std::adjacent_find(exact.begin(), exact.end()), exact.end());
  auto has = [&](const std::string& w) { return std::binary_search(exact.begin(), exact.end(), w); };
  size_t checked = 0;
  for (const char* list : {"index_table", "relief_claimed", "materiality_matrix", "dual_listing", "unquantified"}) {
    for (const std::string& w : pack.Words(list)) {
      EXPECT_TRUE(has(w)) << list << " " << w;
      ++checked;
    }
  }
  for (const auto& [name, source] : pack.pattern_sources()) {
    for (const std::string& w : pack.PatternNeeds(name)) {
      EXPECT_TRUE(has(w)) << name << " " << w;
      ++checked;
    }
  }
  EXPECT_GE(checked, 50u);
}

// KeywordHits and ExactHits look a word up in the scan's hash indexes, which hold each keyword
// (words before keyword_count) and each exact word at its place in its sorted list, as the binary
// search found it; a topic's name that is no keyword, a keyword's prefix, a word in another case and
// a word of neither list are in none.
TEST(CnexchangeScanTest, TheScansIndexesHoldEachKeywordAndExactWordAtItsPlace) {
  const auto pack = std::make_shared<const cnexchange::RulePack>(cnexchange::RulePack::FromFiles(
      testing::SourcePath("rules/cnexchange/guideline.json"), testing::SourcePath("rules/cnexchange/policy.ini")));
  const std::shared_ptr<const cnexchange::KeywordScan> scan = cnexchange::KeywordScan::Of(pack);
  ASSERT_GT(scan->keyword_count, 50u);
  ASSERT_GT(scan->exact.size(), 50u);
  auto search = [](const std::vector<std::string>& sorted, size_t n, const std::string& w) -> long {
    auto it = std::lower_bound(sorted.begin(), sorted.begin() + static_cast<long>(n), w);
    return it == sorted.begin() + static_cast<long>(n) || *it != w ? -1 : static_cast<long>(it - sorted.begin());
  };
  auto indexed = [](const std::unordered_map<std::string_view, size_t>& at, const std::string& w) -> long {
    auto it = at.find(w);
    return it == at.end() ? -1 : static_cast<long>(it->second);
  };
  std::vector<std::string> asked(scan->words.begin(), scan->words.end());
  asked.insert(asked.end(), scan->exact.begin(), scan->exact.end());
  for (const std::string& w : std::vector<std::string>(asked)) {
    if (w.size() > 1) asked.push_back(w.substr(0, w.size() - 1));
    std::string upper = w;
    for (char& c : upper) c = static_cast<char>(c >= 'a' && c <= 'z' ? c - 32 : c);
    asked.push_back(upper);
  }
  asked.push_back("no such word");
  asked.push_back("");
  size_t keywords = 0, exact = 0;
  for (const std::string& w : asked) {
    const long k = search(scan->words, scan->keyword_count, w);
    ASSERT_EQ(indexed(scan->keyword_at, w), k) << w;
    const long e = search(scan->exact, scan->exact.size(), w);
    ASSERT_EQ(indexed(scan->exact_at, w), e) << w;
    keywords += k >= 0;
    exact += e >= 0;
  }
  EXPECT_GE(keywords, scan->keyword_count);
  EXPECT_GE(exact, scan->exact.size());
  EXPECT_EQ(scan->keyword_at.size(), scan->keyword_count);
  EXPECT_EQ(scan->exact_at.size(), scan->exact.size());
}

// Each line's earliest word of the "unquantified" list (not the list's first word), a word repeated
// with an overlapping start, an English word only in the case the list writes it, and a line with a
// reason left out: the places searching each line for each word found.
TEST(CnexchangeScanTest, UnquantifiedWordsAreFoundWhereSearchingEachLineFindsThem) {
  const std::string gap = "\n\n\n";
  const std::string text = std::string(kClaim) + gap + "部分指标难以定量，目前无法量化。\n" + gap +
                           "该指标无法无法量化。\n" + gap + "NOT QUANTIFIED figures are given.\n" + gap +
                           "该指标无法量化，原因是缺乏数据。\n" + gap + "该指标 not quantified here.\n";
  const ReportResult r = testing::RunOnText(Registry(), text);
  ASSERT_TRUE(r.status.ok()) << r.status.message();
  const std::vector<const Finding*> found = Of(r, "cnexchange.relief-unexplained");
  ASSERT_EQ(found.size(), 3u);
  const size_t second = text.find("该指标无法无法量化");
  const std::vector<std::pair<size_t, std::string>> want = {
      {text.find("难以定量"), "难以定量"},
      {text.find("无法量化", second), "无法量化"},
      {text.find("not quantified"), "not quantified"},
  };
  for (size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(found[k]->location.offset, want[k].first) << k;
    EXPECT_EQ(found[k]->location.length, want[k].second.size()) << k;
  }
}

// The topic index element is found by its words as written ("Topic Index", 指标索引表 where two of
// the words overlap), not by the same words in capitals.
TEST(CnexchangeScanTest, TheTopicIndexIsFoundByItsWordsInTheirOwnCase) {
  auto missing = [&](const std::string& line) {
    const ReportResult r = testing::RunOnText(Registry(), std::string(kClaim) + "\n" + line + "\n");
    for (const Finding* f : Of(r, "cnexchange.element-missing"))
      if (f->message.find("议题索引表") != std::string::npos) return true;
    return false;
  };
  EXPECT_TRUE(missing("公司治理情况详见下文。"));
  EXPECT_FALSE(missing("详见本报告指标索引表。"));
  EXPECT_FALSE(missing("See the Topic Index."));
  EXPECT_TRUE(missing("SEE THE TOPIC INDEX."));
}

// ShortQuote copies the head of a text once; the reference appends it a code point at a time, as
// the quotes were made: random texts of CJK, ASCII, four-byte characters and broken UTF-8 (stray
// continuation bytes, cut sequences) at every length of quote, the cut marked with an ellipsis.
TEST(CnexchangeScanTest, AShortQuoteIsTheHeadAppendedACodePointAtATime) {
  auto reference = [](std::string_view s, size_t max_code_points) {
    std::string out;
    size_t i = 0, n = 0;
    while (i < s.size() && n < max_code_points) {
      const size_t start = i;
      sdk::NextCodePoint(s, &i);
      out.append(s.substr(start, i - start));
      ++n;
    }
    if (i < s.size()) out += "…";
    return out;
  };
  const std::vector<std::string> pieces = {"a", " ", "员工", "，", "\xF0\x9F\x98\x80", "\x80", "\xE3\x80", "\xE3",
                                           "\xC3\xA9", "12.5%", "\xFF"};
  testing::Draw next(2026);
  size_t cut = 0;
  for (int k = 0; k < 3000; ++k) {
    std::string text;
    const uint32_t parts = next(30);
    for (uint32_t i = 0; i < parts; ++i) text += pieces[next(static_cast<uint32_t>(pieces.size()))];
    for (size_t n : {size_t{0}, size_t{1}, size_t{7}, size_t{30}, size_t{40}, size_t{200}}) {
      const std::string want = reference(text, n);
      ASSERT_EQ(cnexchange::ShortQuote(text, n), want) << k << " " << n;
      cut += want.size() < text.size();
    }
  }
  EXPECT_GT(cut, 5000u);
  EXPECT_EQ(cnexchange::ShortQuote("一二三四", 2), "一二…");
  EXPECT_EQ(cnexchange::ShortQuote("一二", 2), "一二");
}

// FindNearStart is find when find's answer is at most `most`, npos otherwise: random texts and words
// of pieces sharing first bytes (the Han words of the headings open with E4-E9 lead bytes), words
// longer than the text and empty ones.
TEST(CnexchangeScanTest, FindNearStartIsFindWithinTheFirstOffsets) {
  const std::vector<std::string> pieces = {"", "a", "A", " ", "环境", "环", "境", "1", "、", "一", "社会", "（"};
  std::mt19937 rng(48);
  size_t near = 0, far = 0;
  for (int k = 0; k < 40000; ++k) {
    std::string s, w;
    for (size_t m = rng() % 7; m > 0; --m) s += pieces[rng() % pieces.size()];
    for (size_t m = rng() % 3; m > 0; --m) w += pieces[rng() % pieces.size()];
    const size_t most = rng() % 8;
    const size_t at = s.find(w);
    const size_t want = at <= most ? at : std::string::npos;
    ASSERT_EQ(cnexchange::FindNearStart(s, w, most), want) << s << " / " << w << " " << most;
    (want == std::string::npos ? far : near) += 1;
  }
  EXPECT_GT(near, 5000u);
  EXPECT_GT(far, 5000u);
}

}  // namespace
}  // namespace esgaudit
