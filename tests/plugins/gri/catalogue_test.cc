#include "catalogue.h"

#include <esgaudit/plugin.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analysis.h"
#include "esgaudit_testing.h"
#include "text_match.h"

namespace esgaudit::gri {
namespace {

Catalogue Real() { return Catalogue::Load(testing::SourcePath("rules/gri/catalogue.json")); }

TEST(GriCatalogue, HoldsEveryDisclosureInScope) {
  Catalogue c = Real();
  int general = 0;
  for (int i = 1; i <= 30; ++i) general += c.Find("2-" + std::to_string(i)) != nullptr;
  EXPECT_EQ(general, 30);
  for (const char* id :
       {"3-1", "3-3", "201-1", "207-4", "301-1", "303-5", "305-7", "306-5", "307-1", "308-2",
        "401-1", "403-10", "405-1", "418-1", "101-8", "102-10", "103-5"}) {
    EXPECT_NE(c.Find(id), nullptr) << id;
  }
  EXPECT_EQ(c.Find("419-1"), nullptr);  // outside 401..418: a legacy id only
  EXPECT_EQ(c.disclosures().size(), 144u);
  EXPECT_EQ(c.disclosures().front().id, "2-1");
}

TEST(GriCatalogue, CarriesEffectiveDatesAndDataPoints) {
  Catalogue c = Real();
  EXPECT_EQ(c.Find("2-1")->effective, "2023-01-01");
  EXPECT_EQ(c.Find("101-1")->effective, "2026-01-01");
  EXPECT_EQ(c.Find("102-5")->effective, "2027-01-01");
  EXPECT_EQ(c.Find("103-2")->effective, "2027-01-01");
  const Disclosure* scope1 = c.Find("305-1");
  ASSERT_EQ(scope1->data.size(), 1u);
  EXPECT_FALSE(scope1->data[0].units.empty());
  EXPECT_EQ(c.Find("401-1")->data.size(), 2u);  // hires and turnover
  EXPECT_TRUE(c.Find("2-22")->data.empty());    // qualitative
  EXPECT_TRUE(c.Find("307-1")->Withdrawn());
  EXPECT_EQ(c.Find("2-5")->title_zh, "外部鉴证");
}

TEST(GriCatalogue, MapsLegacyIds) {
  Catalogue c = Real();
  ASSERT_NE(c.FindLegacy("G4-LA1"), nullptr);
  EXPECT_EQ(c.FindLegacy("G4-LA1")->successors, std::vector<std::string>{"401-1"});
  EXPECT_EQ(c.FindLegacy("102-8")->successors, (std::vector<std::string>{"2-7", "2-8"}));
  EXPECT_EQ(c.FindLegacy("G4-EN8")->successors, std::vector<std::string>{"303-1@2016"});
  EXPECT_NE(c.FindLegacy("303-1@2016"), nullptr);
}

TEST(GriCatalogue, MalformedCatalogueIsAConfigError) {
  std::string path = ::testing::TempDir() + "/gri_bad_catalogue.json";
  {
    std::ofstream out(path);
    out << R"({"disclosures": [{"id": "2-1", "standard": "GRI 2"}], "legacy": []})";
  }
  EXPECT_THROW(Catalogue::Load(path), sdk::ConfigError);
  {
    std::ofstream out(path);
    out << "{ not json";
  }
  EXPECT_THROW(Catalogue::Load(path), sdk::ConfigError);
  std::remove(path.c_str());
}

// FindEvidence asks each distinct unit, word and label once per figure through NeedWords: its
// tables must list every data need in catalogue order with exactly the need's own lists (order and
// repeats kept), each distinct string once, and the kinds the need accepts.
TEST(GriCatalogue, NeedWordsListEveryDataNeedWithItsOwnWords) {
  auto c = std::make_shared<const Catalogue>(Real());
  std::shared_ptr<const NeedWords> t = NeedWords::Of(c);
  EXPECT_EQ(NeedWords::Of(c), t);  // made once per catalogue
  size_t i = 0;
  const std::vector<Disclosure>& ds = c->disclosures();
  for (size_t k = 0; k < ds.size(); ++k) {
    for (size_t m = 0; m < ds[k].data.size(); ++m, ++i) {
      ASSERT_LT(i, t->needs.size());
      const NeedWords::Need& n = t->needs[i];
      const DataNeed& need = ds[k].data[m];
      EXPECT_EQ(n.disclosure, k);
      EXPECT_EQ(n.need, m);
      auto strings = [](const std::vector<uint32_t>& ids, const std::vector<std::string>& list) {
        std::vector<std::string> out;
        for (uint32_t id : ids) out.push_back(list.at(id));
        return out;
      };
      EXPECT_EQ(strings(n.units, t->units), need.units) << ds[k].id;
      EXPECT_EQ(strings(n.unless, t->unless), need.unless) << ds[k].id;
      EXPECT_EQ(strings(n.labels, t->labels), need.labels) << ds[k].id;
      auto lists = [&](const char* kind) {
        return std::find(need.kinds.begin(), need.kinds.end(), kind) != need.kinds.end();
      };
      const bool quantity = need.kinds.empty() || lists("quantity");
      EXPECT_EQ((n.kinds >> ESGAUDIT_FACT_QUANTITY) & 1u, quantity ? 1u : 0u) << ds[k].id;
      EXPECT_EQ((n.kinds >> ESGAUDIT_FACT_PERCENT) & 1u, lists("percent") ? 1u : 0u) << ds[k].id;
      EXPECT_EQ(n.kinds & ~((1u << ESGAUDIT_FACT_QUANTITY) | (1u << ESGAUDIT_FACT_PERCENT)), 0u);
    }
  }
  EXPECT_EQ(t->needs.size(), i);
  for (const std::vector<std::string>* list : {&t->units, &t->unless, &t->labels}) {
    std::set<std::string> distinct(list->begin(), list->end());
    EXPECT_EQ(distinct.size(), list->size());
  }
  ASSERT_EQ(t->unless_pairs.size(), t->unless.size());
  for (size_t u = 0; u < t->unless.size(); ++u) EXPECT_EQ(t->unless_pairs[u], BytePairs::Of(t->unless[u])) << t->unless[u];
  // The point of the tables: the needs share most of their words.
  size_t units = 0;
  for (const NeedWords::Need& n : t->needs) units += n.units.size();
  EXPECT_LT(t->units.size() * 2, units);
}

// FindEvidence passes over a need when MayMatchALabel says none of its labels can match the
// figure's label text: that must never rule out a need one of whose labels MatchPattern finds in
// the text (an "=" label is never ruled out), on texts of mixed scripts, full-width digits and
// broken UTF-8, with and without a catalogue label inside (whole, one '&' part, or cut short).
TEST(GriCatalogue, MayMatchALabelRulesOutOnlyNeedsNoLabelMatches) {
  auto c = std::make_shared<const Catalogue>(Real());
  std::shared_ptr<const NeedWords> t = NeedWords::Of(c);
  ASSERT_FALSE(t->labels.empty());
  const std::vector<std::string> fillers = {
      "", " ", "total ", "合计", "１２３", "2022年", "\xE5\x90", "\x80\x80", "\xFF", "scope",
      "：", "tonnes co2e", "员工", "（", "ー", "emi", "ssions", "女", "\xE6\x8E\x92", "%", "&"};
  std::mt19937 rng(15);
  size_t ruled_out = 0, kept = 0, matched = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string text;
    const int pieces = 1 + static_cast<int>(rng() % 6);
    for (int p = 0; p < pieces; ++p) {
      const std::string& l = t->labels[rng() % t->labels.size()];
      switch (rng() % 4) {
        case 0:
          text += fillers[rng() % fillers.size()];
          break;
        case 1:
          text += l[0] == '=' ? l.substr(1) : l;  // a whole label
          break;
        case 2:
          text += l.substr(0, l.find('&'));  // its first part only
          break;
        default:
          text += l.substr(0, rng() % (l.size() + 1));  // cut anywhere, inside a character too
      }
    }
    BytePairs pairs;
    pairs.Fill(text);
    for (const NeedWords::Need& n : t->needs) {
      const bool may = MayMatchALabel(*t, n, pairs);
      bool any = false;
      bool equals_label = false;
      for (uint32_t id : n.labels) {
        const std::string& l = t->labels[id];
        size_t pos = 0, len = 0;
        if (!l.empty() && l[0] == '=') equals_label = true;
        else if (MatchPattern(text, l, &pos, &len)) any = true;
      }
      if (any) ++matched;
      if (any || equals_label) {
        EXPECT_TRUE(may) << text;
      }
      // Exactly the labels' own pair test: the first-pair key only saves work.
      bool pairs_hold = equals_label;
      for (uint32_t id : n.labels) pairs_hold = pairs_hold || pairs.MayHold(t->label_pairs[id]);
      EXPECT_EQ(may, pairs_hold) << text;
      (may ? kept : ruled_out) += 1;
    }
  }
  // Not vacuous: labels match, and most needs are ruled out of most texts.
  EXPECT_GT(matched, 1000u);
  EXPECT_GT(ruled_out, kept);
}

// FindEvidence asks MayMatchingNeeds once per figure instead of MayMatchALabel per need: the same
// answer for every need of the real catalogue, on texts holding whole labels, their first parts,
// labels cut anywhere (inside a character too) and fillers, one text after another into the same
// answer vector (an answer left over from the text before would show).
TEST(GriCatalogue, MayMatchingNeedsIsMayMatchALabelOfEachNeed) {
  auto c = std::make_shared<const Catalogue>(Real());
  std::shared_ptr<const NeedWords> t = NeedWords::Of(c);
  ASSERT_FALSE(t->needs.empty());
  const std::vector<std::string> fillers = {"", " ", "total ", "合计", "１２３", "\xE5\x90", "\x80\x80", "\xFF",
                                            "员工", "emi", "ssions", "女", "\xE6\x8E\x92", "%", "&"};
  std::mt19937 rng(47);
  std::vector<uint8_t> may;
  size_t kept = 0, ruled_out = 0;
  for (int round = 0; round < 6000; ++round) {
    std::string text;
    const int pieces = static_cast<int>(rng() % 5);
    for (int p = 0; p < pieces; ++p) {
      const std::string& l = t->labels[rng() % t->labels.size()];
      switch (rng() % 4) {
        case 0:
          text += fillers[rng() % fillers.size()];
          break;
        case 1:
          text += l[0] == '=' ? l.substr(1) : l;
          break;
        case 2:
          text += l.substr(0, l.find('&'));
          break;
        default:
          text += l.substr(0, rng() % (l.size() + 1));
      }
    }
    BytePairs pairs;
    pairs.Fill(text);
    MayMatchingNeeds(*t, pairs, &may);
    ASSERT_EQ(may.size(), t->needs.size());
    for (size_t i = 0; i < t->needs.size(); ++i) {
      const bool want = MayMatchALabel(*t, t->needs[i], pairs);
      EXPECT_EQ(may[i] != 0, want) << "need " << i << " in " << text;
      (want ? kept : ruled_out) += 1;
    }
  }
  EXPECT_GT(kept, 5000u);
  EXPECT_GT(ruled_out, kept);
}

// A need is ruled out by what its text lacks, and kept by a label's pairs or an "=" label.
TEST(GriCatalogue, MayMatchALabelNearMisses) {
  NeedWords w;
  w.labels = {"water&withdrawal", "=女", "取水", "x"};
  for (const std::string& l : w.labels) {
    std::vector<uint16_t> p;
    if (l[0] != '=')
      for (size_t s = 0; s <= l.size();) {
        const size_t a = std::min(l.find('&', s), l.size());
        for (uint16_t h : BytePairs::Of(std::string_view(l).substr(s, a - s))) p.push_back(h);
        s = a + 1;
      }
    std::sort(p.begin(), p.end());
    w.label_pairs.push_back(p);
  }
  auto need = [&](std::vector<uint32_t> labels) {
    NeedWords::Need n;
    n.labels = labels;
    for (uint32_t id : labels) {
      if (w.labels[id][0] == '=' || w.label_pairs[id].empty())
        n.label_always_may = true;
      else
        n.label_keys.emplace_back(w.label_pairs[id][0], id);
    }
    return n;
  };
  auto may = [&](const NeedWords::Need& n, std::string_view text) {
    BytePairs b;
    b.Fill(text);
    return MayMatchALabel(w, n, b);
  };
  const NeedWords::Need water = need({0});
  EXPECT_TRUE(may(water, "total water withdrawal"));
  EXPECT_FALSE(may(water, "total water use"));       // one part's pairs missing
  EXPECT_FALSE(may(water, "withdrawal of capital"));  // the other part's
  EXPECT_TRUE(may(need({1}), "anything at all"));     // "=" labels are decided elsewhere
  EXPECT_TRUE(may(need({3}), "anything at all"));     // a one-byte label has no pair to lack
  const NeedWords::Need han = need({2, 0});
  EXPECT_TRUE(may(han, "年取水量"));
  EXPECT_TRUE(may(han, "water withdrawal"));  // its second label
  EXPECT_FALSE(may(han, "年取\xE6\xB0量"));  // the character cut short
  EXPECT_FALSE(may(han, "年用水量"));
  EXPECT_FALSE(may(need({}), "年取水量"));  // no label at all
}

// The 2016 disclosures a disclosure succeeds, from the table made at load: every 2016 legacy id
// naming it as a successor (once, however often it names it), in numeric order; no G4 code and no
// other edition.
TEST(GriCatalogue, PredecessorsAreThe2016IdsNamingTheDisclosure) {
  std::string path = ::testing::TempDir() + "/gri_predecessors_catalogue.json";
  {
    std::ofstream out(path);
    out << R"({"disclosures": [
      {"id": "2-6", "standard": "GRI 2", "title": "t", "title_zh": "t", "effective": "2023-01-01", "zh": ["价值链"]},
      {"id": "306-3", "standard": "GRI 306", "title": "t", "title_zh": "t", "effective": "2023-01-01", "zh": ["废弃物"]}],
      "legacy": [
      {"id": "102-10", "edition": "GRI 102: 2016", "successors": ["2-6"]},
      {"id": "102-6", "edition": "GRI 102: 2016", "successors": ["2-6", "2-6"]},
      {"id": "102-9", "edition": "GRI 102: 2016", "successors": ["306-3", "2-6"]},
      {"id": "G4-12", "edition": "G4 2016", "successors": ["2-6"]},
      {"id": "306-2@2016", "edition": "GRI 306: 2016", "successors": ["306-3"]},
      {"id": "306-2@2020", "edition": "GRI 306: 2020", "successors": ["306-3"]}]})";
  }
  const Catalogue c = Catalogue::Load(path);
  EXPECT_EQ(c.Predecessors2016("2-6"), (std::vector<std::string>{"102-6", "102-9", "102-10"}));
  EXPECT_EQ(c.Predecessors2016("306-3"), (std::vector<std::string>{"102-9", "306-2@2016"}));
  EXPECT_TRUE(c.Predecessors2016("2-7").empty());
  const Catalogue copy = c;  // a copy carries its table
  EXPECT_EQ(copy.Predecessors2016("306-3"), c.Predecessors2016("306-3"));
  EXPECT_EQ(Real().Predecessors2016("2-4"), std::vector<std::string>{"102-48"});
  std::remove(path.c_str());
}

}  // namespace
}  // namespace esgaudit::gri
