#include "relation_internal.h"

namespace esgaudit::numeric {

using namespace relation_detail;

namespace {

// An amount of money (万元, 亿元, 元) and a count of things or people: two dimensions of one item.
bool MoneyUnit(std::string_view unit) {
  return unit.size() >= 3 && unit.substr(unit.size() - 3) == "元";
}

bool SameThingsCounted(const Figure& a, const Figure& b) {
  if (a.kind != ESGAUDIT_FACT_QUANTITY || b.kind != ESGAUDIT_FACT_QUANTITY) return false;
  if (a.unit == "个" && b.unit == "家") return CountsInstitutions(a);
  if (a.unit == "家" && b.unit == "个") return CountsInstitutions(b);
  // "200台垃圾车…其中有30辆", "221个项目（包括…106项）": two classifiers of the same things.
  if ((a.unit == "台" && b.unit == "辆") || (a.unit == "辆" && b.unit == "台")) {
    return CountsVehicles(a) && CountsVehicles(b);
  }
  if ((a.unit == "个" && b.unit == "项") || (a.unit == "项" && b.unit == "个")) {
    return CountsProjects(a) && CountsProjects(b);
  }
  return false;
}

// "向17个省市自治区，包括12个少数民族的…": a part in the total's general classifier that counts a noun
// sharing no character with the total's counted noun counts another thing (12 ethnic groups among
// 17 provinces), no part of it. Both nouns must be printed after their units; a part naming the
// total's noun or a kind of it (17个子公司，包括12个全资子公司; 13次会议，其中3次现场会议) stays a part.
bool CountsAnotherThing(const Figure& total, const Figure& part) {
  if (total.unit != part.unit) return false;
  const std::u32string whole = NounAfterGeneralUnit(total), piece = NounAfterGeneralUnit(part);
  if (whole.empty() || piece.empty()) return false;
  return std::none_of(piece.begin(), piece.end(), [&](char32_t c) { return whole.find(c) != std::u32string::npos; });
}

// "其中70万千瓦及以上级巨型机组58台", "百万千瓦级机组": a figure right before 级 (alone, or after 以上 or
// 及以上) names a class of the noun that follows, as 30岁以下 names an age band: it is no amount of
// anything, and the count after it is the part.
bool NamesAClass(const Figure& g) {
  for (const char* w : {"级", "以上级", "及以上级"}) {
    if (g.after.rfind(w, 0) == 0) return true;
  }
  return false;
}

// Where the words after a figure start, in the report's text: past its unit on the next line when
// TakeWrappedUnits gave it one ("公司员工总数1,200" / "人，其中…": the comma and 其中 follow the figure).
uint64_t WordsAfter(const Figure& f) { return f.wrapped_unit_end > 0 ? f.wrapped_unit_end : f.offset + f.length; }

// Whether a label names a size or capacity (规模, 容量, 产能, 能力): such a figure is how large a
// thing is (a bond of 15亿元, a fund, a plant), not an amount of a flow.
bool SizeLabel(const std::string& label) {
  const std::string l = Lower(label);
  for (const char* w : {"规模", "容量", "产能", "能力", "scale", "capacity"}) {
    if (Has(l, w)) return true;
  }
  return false;
}

// A quantity with a unit that is no change: a figure a part or a total may be.
bool PlainQuantity(const Figure& g) {
  return g.kind == ESGAUDIT_FACT_QUANTITY && !g.unit.empty() && !IsChangeLabel(g.label);
}

// The share clause right after a figure names the base by a total word: 占总装机容量的22.54%,
// 占员工总数的12%, 占采购总额的比例为35%. The clause holds nothing but 占, the base's words and the
// share (的, 比例为 / 比重为 before it); the base's words without the total word (装机容量, 员工,
// 采购) must be in the label of an earlier figure of the same sentence, of the part's kind and unit
// and no change; the nearest such figure is the base. A figure of another sentence may be another
// period's or scope's. The share itself says the part is below its base (it is below 100%), so a
// part above it is an error. Whether the share agrees with the two figures is not checked: the base
// a report divides by is often not the figure it prints (a share of a total at another date).
// The Han characters of a label, spaces dropped (OCR text breaks words with them: "发明专 利").
std::u32string HanOf(const std::string& label) {
  std::u32string out;
  for (char32_t c : U32(label)) {
    if (c >= 0x4E00 && c <= 0x9FFF) out += c;
  }
  return out;
}

// A figure per unit of something: its label names the unit it is per (kPerUnitWords: 每股社会贡献值,
// 人均培训时长, per share), or a slash and one Han character follow its unit (1.67元/股, 12小时/人: the
// fact reader keeps 元 and 小时; a period after the slash, 吨/日, is a rate of flow, not per unit).
// Such a figure is a ratio: no total of amounts and no part of one.
bool PerUnitFigure(const Figure& f) {
  const std::string label = Lower(f.label);
  if (std::any_of(std::begin(kPerUnitWords), std::end(kPerUnitWords), [&](const char* w) { return Has(label, w); })) {
    return true;
  }
  std::string_view per = f.after;
  if (const size_t slash = f.unit.find('/'); slash != std::string::npos) per = std::string_view(f.unit).substr(slash);
  if (per.empty() || per[0] != '/') return false;
  // One Han character after the slash and no more: "100人/生产人员200人" lists two figures.
  const std::u32string denominator = U32(per.substr(1));
  const bool han = !denominator.empty() && denominator[0] >= 0x4E00 && denominator[0] <= 0x9FFF;
  const bool alone = denominator.size() == 1 || denominator[1] < 0x4E00 || denominator[1] > 0x9FFF;
  return han && alone && std::none_of(std::begin(kPerPeriod), std::end(kPerPeriod),
                                      [&](const char* p) { return per.rfind(p, 0) == 0; });
}

// Whether two labels share a run of four Han characters, spaces and the per-unit words of `per_unit`
// aside: 每股社 会贡献值 and 各项社会贡献总额 share 社会贡献.
bool SharesFourHan(const std::string& per_unit, const std::string& other) {
  std::u32string a = HanOf(per_unit);
  for (const char* w : kPerUnitWords) {
    const std::u32string word = HanOf(w);
    if (word.empty()) continue;
    for (size_t at = a.find(word); at != std::u32string::npos; at = a.find(word)) a.erase(at, word.size());
  }
  const std::u32string b = HanOf(other);
  for (size_t i = 0; i + 4 <= a.size(); ++i) {
    if (b.find(a.substr(i, 4)) != std::u32string::npos) return true;
  }
  return false;
}

// Whether the subset word at `t` is 包括 / 包含 / "including" opening a bracket right after a
// figure ("发明专利22项（包括美国专利2项）"): a remark on that figure, not a list of its own.
template <typename Tokens>
bool BracketRemarksOnThePart(const Tokens& toks, size_t t) {
  return toks[t].contains && t >= 2 && toks[t - 1].type == Tok::kOpen && toks[t - 2].type == Tok::kFact;
}

// The figure of the first clause after the subset word at `t` ("其中，发布实施24项": a comma or colon
// right after it allowed): the first figure before any other comma, bracket or sentence end (a 、, 和, 及
// or 与 joining two words of the clause, 企业债、公司债承销金额, 研究生及以上学历, ends nothing); -1 when
// the clause has none.
template <typename Tokens>
int FirstClauseFigure(const Tokens& toks, size_t t) {
  size_t k = t + 1;
  if (k < toks.size() && toks[k].type == Tok::kComma) ++k;
  for (; k < toks.size(); ++k) {
    if (toks[k].type == Tok::kFact) return toks[k].figure;
    if (toks[k].type != Tok::kText && toks[k].type != Tok::kEnum) return -1;
  }
  return -1;
}

// How many clauses from token `from` (right after 其中) to the sentence's end open with the list
// numbers 1, 2, 3 … in order ("其中：(1)向甲捐赠2万元；(2)向乙捐赠3万元。"), a semicolon ending each
// clause; 0 when one clause opens otherwise or a number is out of order. A number is "(n)", "（n）"
// or "n、", its digits text tokens (`chars`: each token's code point) or a figure of digits alone
// (the fact reader takes "(2)" inside a line for a number).
template <typename Tokens>
size_t NumberedClauses(const Tokens& toks, const std::vector<char32_t>& chars, const std::vector<Figure>& figures,
                       size_t from) {
  size_t clauses = 0;
  for (size_t k = from;;) {
    while (k < toks.size() && toks[k].type == Tok::kComma) ++k;  // the colon after 其中
    const bool open = k < toks.size() && toks[k].type == Tok::kOpen;
    if (open) ++k;
    size_t n = 0, digits = 0;
    if (k < toks.size() && toks[k].type == Tok::kFact && toks[k].figure >= 0) {
      const Figure& f = figures[toks[k].figure];
      if (!f.unit.empty() || f.text.empty() || f.text.size() > 2 ||
          f.text.find_first_not_of("0123456789") != std::string::npos) {
        return 0;
      }
      n = static_cast<size_t>(std::stoi(f.text));
      digits = f.text.size();
      ++k;
    }
    const bool figure = digits > 0;
    for (; !figure && k < toks.size() && k < chars.size() && toks[k].type == Tok::kText && chars[k] >= U'0' &&
           chars[k] <= U'9' && digits < 2;
         ++k, ++digits) {
      n = n * 10 + (chars[k] - U'0');
    }
    if (digits == 0 || n != clauses + 1 || k >= toks.size()) return 0;
    if (toks[k].type != (open ? Tok::kClose : Tok::kEnum)) return 0;
    ++clauses;
    while (++k < toks.size() && toks[k].type != Tok::kEnd) {
    }
    if (k >= toks.size() || !toks[k].semicolon) return clauses;  // the sentence's end
    ++k;
  }
}

// Marks that end a clause for WordsBefore.
constexpr std::u32string_view kClauseMarks = U"，,。；;：:";

// The words of figure `f`'s clause before it: the 90 bytes of text before it (from a code point's
// start), cut after the last mark in `marks`. A label leaves the date out; these keep it.
std::u32string WordsBefore(std::string_view doc_text, const Figure& f, std::u32string_view marks) {
  if (f.offset > doc_text.size()) return std::u32string();
  uint64_t from = f.offset > 90 ? f.offset - 90 : 0;
  while (from < f.offset && (static_cast<unsigned char>(doc_text[from]) & 0xC0) == 0x80) ++from;
  std::u32string u = U32(doc_text.substr(from, f.offset - from));
  const size_t stop = u.find_last_of(marks);
  return stop == std::u32string::npos ? u : u.substr(stop + 1);
}

// Whether words name a year of their own: 20xx年 not followed by a word starting a period from it
// (以来, 起, 至) or its end (底, 末).
bool NamesOwnYear(std::u32string_view s) {
  auto digit = [](char32_t c) { return c >= U'0' && c <= U'9'; };
  for (size_t k = 4; k < s.size(); ++k) {
    if (s[k] != U'年' || s[k - 4] != U'2' || s[k - 3] != U'0' || !digit(s[k - 2]) || !digit(s[k - 1])) continue;
    if (k >= 5 && digit(s[k - 5])) continue;
    if (k + 1 < s.size() && std::u32string_view(U"以起至底末").find(s[k + 1]) != std::u32string_view::npos) continue;
    return true;
  }
  return false;
}

// Whether the clause of figure `f` (WordsBefore, back to a comma, semicolon, colon or full stop)
// counts what came in or went out during a period: a year of its own, a word of the period (本年, 当年,
// 年内, 本期, 报告期内), of what is new (新增, 新引进, 新导入, 新招, 新入职, 新签, 新进, 新聘, 新开, 新设) or of
// what left (关闭, 关停, 撤销, 注销, 淘汰, 退出, 离职).
bool FlowClause(std::string_view doc_text, const Figure& f) {
  const std::u32string u = WordsBefore(doc_text, f, kClauseMarks);
  for (const char32_t* w : {U"新增", U"新引进", U"新导入", U"新招", U"新入职", U"新签", U"新进", U"新聘", U"新开", U"新设",
                            U"本年", U"当年", U"年内", U"本期", U"报告期内", U"关闭", U"关停", U"撤销", U"注销",
                            U"淘汰", U"退出", U"离职"}) {
    if (u.find(w) != std::u32string::npos) return true;
  }
  return NamesOwnYear(u);
}

}  // namespace

// Relations stated in running text: "招录学生155名，其中建档立卡67名", "共申请专利89项，其中发明专利
// 28项、实用新型61项", "男性占79%、女性占21%" after a 构成 caption. The text is the structure model's
// sentences, read paragraph by paragraph (a 其中 may open the sentence after its total's).
void RelationAnalysis::FindInlineRelations(const sdk::Document& doc) {
  if (!doc.HasFigures()) return;
  std::string_view view = doc.MatchView();
  // (view offset, figure) by offset, one figure per offset (the last of those starting there), and
  // each figure's end: the tokenizer below walks them in step with the code points, instead of
  // looking each code point up.
  std::vector<std::pair<uint64_t, int>> figure_at;
  std::vector<uint64_t> figure_end(figures_.size());
  for (size_t i = 0; i < figures_.size(); ++i) {
    const Figure& f = figures_[i];
    figure_end[i] = doc.TextToView(WordsAfter(f));
    // A class name's digits are words of the text (its figure is no token).
    if (NamesAClass(f)) continue;
    // A minus sign or currency sign may precede the digits; key by the fact's first byte.
    figure_at.push_back({doc.TextToView(f.offset), static_cast<int>(i)});
  }
  std::stable_sort(figure_at.begin(), figure_at.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  {
    size_t kept = 0;
    for (size_t k = 0; k < figure_at.size(); ++k) {
      if (kept > 0 && figure_at[kept - 1].first == figure_at[k].first) --kept;
      figure_at[kept++] = figure_at[k];
    }
    figure_at.resize(kept);
  }
  InlineTokenizer::Words words;
  // The stream has no spaces: "of which" is matched as "ofwhich", at word boundaries.
  auto unspaced = [](const char* w) {
    std::u32string u = U32(w);
    u.erase(std::remove(u.begin(), u.end(), U' '), u.end());
    return u;
  };
  for (const char* w : kSubsetWords) words.subset.push_back(unspaced(w));
  for (const char* w : kTotalWords) words.total.push_back(unspaced(w));
  for (const char* w : kNotTotal) words.not_total.push_back(U32(w));
  for (const char* w : kPerPeriod) words.per_period.push_back(U32(w));
  for (const char* w : kCompositionWords) words.composition.push_back(U32(w));
  std::sort(words.total.begin(), words.total.end(), [](const auto& a, const auto& b) { return a.size() > b.size(); });
  words.clause_names_rate = [](const std::u32string& clause) { return NamesRate(ToUtf8(clause)); };
  const InlineTokenizer tokenizer(std::move(words), figure_at, figure_end);

  // The code points of one paragraph, spaces dropped, with their view offsets; its tokens, and the
  // character of each text token.
  std::vector<Cp> cps;
  std::vector<Token> tokens;
  std::vector<char32_t> text_char;

  // "投入资金126万元开展两个扶贫项目。一是…帮扶资金60万元…。二是…资金66万元。": a total followed in
  // its sentence by a count of items (两个, 三项), then exactly that many items 一是, 二是 … each
  // giving the first figure of the total's unit it holds. The pairing of an item with its figure
  // is inferred: a mismatch is a warning.
  auto FindItemLists = [&](const std::vector<Token>& toks) {
    auto numeral = [&](size_t k) -> int {
      if (k >= text_char.size()) return 0;
      return text_char[k] == U'两' ? 2 : HanNumeral(text_char[k]);
    };
    // An item opens a sentence or clause: "。一是", "，二是".
    auto item_at = [&](size_t k) -> int {
      int n = numeral(k);
      if (n == 0 || text_char[k] == U'两' || k + 1 >= toks.size() || text_char[k + 1] != U'是') return 0;
      if (k > 0 && toks[k - 1].type != Tok::kEnd && toks[k - 1].type != Tok::kComma) return 0;
      return n;
    };
    for (size_t t = 0; t < toks.size(); ++t) {
      if (toks[t].type != Tok::kFact) continue;
      const Figure& total = figures_[toks[t].figure];
      if (total.kind != ESGAUDIT_FACT_QUANTITY || total.unit.empty()) continue;
      // The count of items, within a few words after the total in its sentence.
      int count = 0;
      size_t k = t + 1;
      for (; k < toks.size() && k <= t + 12 && toks[k].type == Tok::kText; ++k) {
        const char32_t next = k + 1 < text_char.size() ? text_char[k + 1] : 0;
        if (numeral(k) >= 2 && (next == U'个' || next == U'项' || next == U'类' || next == U'大')) {
          count = numeral(k);
          break;
        }
      }
      if (count < 2) continue;
      // The items, in order, each up to the next; the last one up to its sentence's end.
      std::vector<size_t> starts;
      for (size_t j = k + 2; j < toks.size(); ++j) {
        int n = item_at(j);
        if (n == 0) continue;
        if (n != static_cast<int>(starts.size()) + 1) break;
        starts.push_back(j);
        if (static_cast<int>(starts.size()) == count) break;
      }
      if (static_cast<int>(starts.size()) != count) continue;
      size_t end = starts.back();
      while (end < toks.size() && toks[end].type != Tok::kEnd) ++end;
      // No further item after the last one.
      if (end + 2 < toks.size() && item_at(end + 1) == count + 1) continue;
      std::vector<int> parts;
      for (size_t n = 0; n < starts.size(); ++n) {
        const size_t to = n + 1 < starts.size() ? starts[n + 1] : end;
        for (size_t j = starts[n]; j < to; ++j) {
          if (toks[j].type != Tok::kFact) continue;
          const Figure& f = figures_[toks[j].figure];
          if (f.kind != total.kind || f.unit != total.unit || IsChangeLabel(f.label)) continue;
          parts.push_back(toks[j].figure);
          break;
        }
        if (parts.size() != n + 1) break;
      }
      if (static_cast<int>(parts.size()) != count) continue;
      Relation r = Stated(RelationKind::kPartsTotal, toks[t].figure, parts);
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent && NearOrSlip(&r, total.low, total.high);
      if (r.consistent || r.flag) Add(std::move(r));
    }
  };

  // "已完成第一批3所…；已启动第二批…共6所…；已启动第三批…共5所。合计…共14所": items numbered in
  // order (第一批, 第二批 … or 第一期 …, from the first, in clauses of their own) each give one figure
  // of a unit, and the sentence right after the last item's opens with a sum word (合计, 总计, 共计)
  // and gives a figure of that unit before its first comma: the total of the items. An item's figure is
  // its only figure of the unit, or else the one right after 共 (a batch of several places). The
  // sum may also count items not numbered here, so only parts above it are flagged, as a warning.
  auto FindNumberedItemSums = [&](const std::vector<Token>& toks) {
    static const std::u32string kNumerals = U"一二三四五六七八九";
    static const std::u32string kCounters = U"批期轮";
    auto ordinal = [&](size_t k, char32_t counter) -> int {  // n for 第n<counter> opening at k
      if (k + 2 >= text_char.size() || text_char[k] != U'第' || text_char[k + 2] != counter) return 0;
      const size_t at = kNumerals.find(text_char[k + 1]);
      return at == std::u32string::npos ? 0 : static_cast<int>(at) + 1;
    };
    for (size_t t = 0; t + 2 < text_char.size(); ++t) {
      if (text_char[t] != U'第') continue;  // what `ordinal` tests first, before a search per token
      const char32_t counter = text_char[t + 2];
      if (kCounters.find(counter) == std::u32string::npos || ordinal(t, counter) != 1) continue;
      // The items in order; an item is over at the next one, and the last one at its sentence's end.
      // Items may stand in sentences of their own, but a sentence without one ends the list.
      std::vector<size_t> starts{t};
      size_t end = t;
      bool ended = false;  // a sentence ended since the last item began
      for (size_t j = t + 3; j < toks.size(); ++j) {
        if (toks[j].type == Tok::kEnd && !toks[j].semicolon) {
          if (ended) break;
          if (j + 1 < toks.size() && toks[j + 1].type == Tok::kTotal && toks[j + 1].sum) {
            end = j;
            break;
          }
          ended = true;
          continue;
        }
        const int n = ordinal(j, counter);
        if (n == 0) continue;
        if (n != static_cast<int>(starts.size()) + 1) break;
        ended = false;
        // A clause of its own: a comma or a semicolon since the item before.
        bool apart = false;
        for (size_t k = starts.back(); k < j && !apart; ++k) {
          apart = toks[k].type == Tok::kComma || toks[k].type == Tok::kEnd;
        }
        if (!apart) break;
        starts.push_back(j);
      }
      if (end == t || starts.size() < 2) continue;
      // The total: the sum sentence's first figure, before its first comma.
      int total = -1;
      for (size_t j = end + 2; j < toks.size() && toks[j].type != Tok::kComma && toks[j].type != Tok::kEnd; ++j) {
        if (toks[j].type == Tok::kFact) {
          total = toks[j].figure;
          break;
        }
      }
      if (total < 0 || Summed(total)) continue;
      const Figure& tf = figures_[total];
      if (tf.kind != ESGAUDIT_FACT_QUANTITY || tf.unit.empty()) continue;
      std::vector<int> parts;
      for (size_t n = 0; n < starts.size(); ++n) {
        const size_t to = n + 1 < starts.size() ? starts[n + 1] : end;
        std::vector<int> of_unit, after_total;
        for (size_t j = starts[n]; j < to; ++j) {
          if (toks[j].type != Tok::kFact) continue;
          const Figure& f = figures_[toks[j].figure];
          if (f.kind != tf.kind || f.unit != tf.unit || IsChangeLabel(f.label)) continue;
          of_unit.push_back(toks[j].figure);
          if (j > 0 && toks[j - 1].type == Tok::kTotal) after_total.push_back(toks[j].figure);
        }
        if (of_unit.size() == 1) {
          parts.push_back(of_unit[0]);
        } else if (after_total.size() == 1) {
          parts.push_back(after_total[0]);
        } else {
          break;
        }
      }
      if (parts.size() != starts.size()) continue;
      Relation r = Stated(RelationKind::kPartsTotal, total, parts);
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent && r.sum_low > tf.high && NearOrSlip(&r, tf.low, tf.high);
      if (r.consistent || r.flag) Add(std::move(r));
    }
  };

  // "inspectors made 120 visits (including audits and reviews) to our plants, including 50 fire safety
  // inspections, 30 health inspections, and 40 environmental inspections": an
  // English list after "including" of counts without a unit, each its clause's first figure, the last
  // one after "and", each clause ending with the same counted noun (two parts or more), and the nearest
  // earlier count of the sentence (bracketed remarks passed over, no other figure between) the total.
  // Such a list may leave items out, so only parts above the total are flagged, as a warning.
  auto FindEnglishCountLists = [&](const std::vector<Token>& toks) {
    constexpr size_t kMaxBack = 100;  // tokens (code points) between the total and "including"
    constexpr size_t kMaxNoun = 120;  // bytes of a clause after its count
    const std::string_view text = doc.Text();
    auto count = [&](int f) {
      const Figure& g = figures_[f];
      return g.kind == ESGAUDIT_FACT_QUANTITY && g.unit.empty() && g.decimals == 0 && g.value > 0;
    };
    // The last word of the clause after a count, lower-cased; empty when the clause runs long.
    auto noun_after = [&](int f) -> std::string {
      const Figure& g = figures_[f];
      const size_t from = g.offset + g.length;
      size_t e = from;
      while (e < text.size() && e - from <= kMaxNoun && std::string_view(",.;:()").find(text[e]) == std::string_view::npos) ++e;
      if (e >= text.size() || e - from > kMaxNoun) return std::string();
      size_t b = e;
      while (b > from && std::isalpha(static_cast<unsigned char>(text[b - 1]))) --b;
      if (e - b < 3 || (b > from && !std::isspace(static_cast<unsigned char>(text[b - 1])))) return std::string();
      return Lower(std::string(text.substr(b, e - b)));
    };
    for (size_t t = 0; t < toks.size(); ++t) {
      if (toks[t].type != Tok::kSubset || !toks[t].including) continue;
      // The parts: clauses set apart by commas, each opening with its count, the last one after "and"
      // and running to the sentence's end.
      std::vector<int> parts;
      size_t last = 0;  // the last part's token
      bool ok = true;
      for (size_t j = t + 1; ok && j < toks.size() && toks[j].type != Tok::kEnd; ++j) {
        const Tok type = toks[j].type;
        if (type == Tok::kFact) {
          const bool after_and = toks[j - 1].type == Tok::kEnum && j >= t + 3 &&
                                 (toks[j - 2].type == Tok::kComma || toks[j - 2].type == Tok::kText);
          const bool after_comma = j == t + 1 || toks[j - 1].type == Tok::kComma;
          ok = (last == 0 || toks[last - 1].type != Tok::kEnum) && (after_comma || after_and) && count(toks[j].figure);
          if (ok) {
            parts.push_back(toks[j].figure);
            last = j;
          }
        } else if (type == Tok::kOpen || type == Tok::kClose || type == Tok::kSubset || type == Tok::kTotal ||
                   type == Tok::kCompose) {
          ok = false;
        }
      }
      if (!ok || parts.size() < 2 || toks[last - 1].type != Tok::kEnum) continue;
      const std::string noun = noun_after(parts[0]);
      if (noun.empty() || !std::all_of(parts.begin(), parts.end(), [&](int p) { return noun_after(p) == noun; })) {
        continue;
      }
      // The total: back from "including", over words, commas and bracketed remarks, to the first figure.
      int total = -1, depth = 0;
      for (size_t k = t; k-- > 0 && t - k <= kMaxBack;) {
        const Tok type = toks[k].type;
        if (type == Tok::kClose) {
          ++depth;
        } else if (type == Tok::kOpen) {
          if (--depth < 0) break;
        } else if (depth > 0) {
          continue;
        } else if (type == Tok::kFact) {
          total = toks[k].figure;
          break;
        } else if (type == Tok::kEnd || type == Tok::kSubset || type == Tok::kTotal) {
          break;
        }
      }
      if (total < 0 || !count(total) || Summed(total)) continue;
      Relation r = Stated(RelationKind::kPartsTotal, total, parts);
      r.certainty = Certainty::kLikely;
      const Figure& tf = figures_[total];
      r.flag = !r.consistent && r.sum_low > tf.high && NearOrSlip(&r, tf.low, tf.high);
      if (r.consistent || r.flag) Add(std::move(r));
    }
  };

  // "we have engaged 74,077 farmers, including 25,176 under 30": an English count without a unit, its
  // noun, a comma and "including", then one count without a unit (the same magnitude, no decimals
  // against a whole total) right after it: a subset. The total is the only figure of its clause
  // (`12 events in 5 countries, including 3 …` names two wholes); nothing but words stands between it
  // and the comma; the part is not followed by "of" (`8 of the 15`) and no other count opens a clause
  // after it in the sentence (a list, FindEnglishCountLists'; `under 30` is a qualifier). Read from the
  // wording, so a part above its total is a warning, and only while it stays within ten times the total
  // (further off, the two count different things). A total word may stand before the total (`a total
  // of 283 cages`), either count may carry a qualifier, the comma before "including" may be left out,
  // and a category of people (`100 women`) may be a part of a count without a unit.
  // The same after "of which", "among which", "of whom", "among whom" or "among them" (`31 patents, of
  // which 7 were …`, qualifiers such as `over` allowed on either count), or with the part right before
  // "of which" / "among which" (`24 patents, 9 among which were …`). After these markers the part
  // names no other thing than the total: no noun after it (a verb, a preposition or punctuation comes
  // first), or words ending in the total's noun (`7 invention patents`); `40 trucks, of which 12
  // drivers` counts something else.
  auto english_count_subsets = [&](const std::vector<Token>& toks) {
    const std::string_view text = doc.Text();
    // A count with no unit or of people (`1,240 people, of whom 515 …`, `500 individuals, including 100
    // women`: the part then has no unit or the same), a qualifier (over, nearly) allowed.
    // A quantity above zero, a qualifier (over, nearly) allowed.
    auto quantity = [&](const Figure& g) {
      const uint32_t allowed = ESGAUDIT_QUAL_APPROX | ESGAUDIT_QUAL_MORE | ESGAUDIT_QUAL_LESS;
      return g.kind == ESGAUDIT_FACT_QUANTITY && g.value > 0 && (g.qualifiers & ~allowed) == 0;
    };
    auto count = [&](int f) {
      const Figure& g = figures_[f];
      return quantity(g) && (g.unit.empty() || g.unit == "人");
    };
    // A quantity in a unit of its own (`5,287 tonnes`, `€11.8 bn`): a total or a part only beside one
    // in the same unit.
    auto measure = [&](int f) {
      const Figure& g = figures_[f];
      return quantity(g) && !g.unit.empty() && g.unit != "人" && !PerUnitFigure(g);
    };
    auto alpha = [](char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; };
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    // The lower-cased words of text[from, to), split at spaces; empty when anything but letters and
    // spaces stands there.
    auto words_in = [&](size_t from, size_t to) {
      std::vector<std::string> words;
      for (size_t i = from; i < to && i < text.size();) {
        if (space(text[i])) {
          ++i;
        } else if (alpha(text[i])) {
          size_t e = i;
          while (e < to && alpha(text[e])) ++e;
          words.push_back(Lower(std::string(text.substr(i, e - i))));
          i = e;
        } else {
          return std::vector<std::string>();
        }
      }
      return words;
    };
    static const std::vector<std::vector<std::string>> kBefore = {
        {"of", "which"}, {"among", "which"}, {"of", "whom"}, {"among", "whom"}, {"among", "them"}};
    static const std::vector<std::vector<std::string>> kAfter = {{"of", "which"}, {"among", "which"}};
    // Words that end a part's noun, or show there is none: verbs and prepositions.
    static const std::set<std::string> kNoNoun = {
        "are", "were", "is", "was", "be", "been", "have", "has", "had", "related", "relate", "concerned",
        "came", "come", "in", "at", "from", "for", "by", "under", "with", "to", "on", "and", "or", "that"};
    auto same_noun = [](std::string a, std::string b) {
      for (std::string* w : {&a, &b}) {
        if (w->size() > 3 && w->back() == 's') w->pop_back();
      }
      return a == b;
    };
    // The comma's token before the words of part `p`'s qualifier (one or two words: `around`, `more
    // than`), or 0.
    auto comma_then_qualifier = [&](size_t p) -> size_t {
      const Figure& pf = figures_[toks[p].figure];
      if (pf.qualifiers == 0) return 0;
      size_t k = p;
      while (k > 1 && toks[k - 1].type == Tok::kText) --k;
      if (k == p || toks[k - 1].type != Tok::kComma) return 0;
      const size_t from = std::min<size_t>(pf.offset > 24 ? pf.offset - 24 : 0, text.size());
      const size_t in_window = text.substr(from, pf.offset - from).rfind(',');
      if (in_window == std::string_view::npos) return 0;
      const size_t words = words_in(from + in_window + 1, pf.offset).size();
      return words >= 1 && words <= 2 ? k - 1 : 0;
    };
    for (size_t p = 3; p < toks.size(); ++p) {
      if (toks[p].type != Tok::kFact) continue;
      const int part = toks[p].figure;
      const Figure& pf = figures_[part];
      // The marker and the comma before it: c is the comma's token.
      size_t c = 0;
      bool including = false, before = false;
      if (toks[p - 1].type == Tok::kSubset && toks[p - 1].including &&
          (toks[p - 2].type == Tok::kComma || toks[p - 2].type == Tok::kText)) {
        // `80 students including 22 women`: the comma may be left out.
        including = true;
        c = toks[p - 2].type == Tok::kComma ? p - 2 : p - 1;
      } else if (const size_t qc = measure(part) ? comma_then_qualifier(p) : 0;
                 toks[p - 1].type == Tok::kComma || qc > 0) {
        // `9 among which were …`: the marker right after the part; a part in a unit of its own may
        // carry its qualifier's words (`, around 148 tonnes of which …`).
        const size_t after = WordsAfter(pf);
        size_t e = after;
        while (e < text.size() && (space(text[e]) || alpha(text[e]))) ++e;
        const std::vector<std::string> w = words_in(after, e);
        if (w.size() < 3 || std::none_of(kAfter.begin(), kAfter.end(), [&](const auto& m) {
              return std::equal(m.begin(), m.end(), w.begin());
            })) {
          continue;
        }
        before = true;
        c = qc > 0 ? qc : p - 1;
      } else {
        // `, of which over 560 …`: back over words to the comma; the words are a marker, then the
        // part's qualifier words if it has any.
        size_t k = p;
        while (k > 1 && (toks[k - 1].type == Tok::kText || toks[k - 1].type == Tok::kSubset)) --k;
        if (k == p || toks[k - 1].type != Tok::kComma) continue;
        // The last comma at most 40 bytes before the part, searched in those bytes only (a search
        // back from the part ran through all the Chinese text before it, which has no ',').
        const size_t from = std::min<size_t>(pf.offset > 40 ? pf.offset - 40 : 0, text.size());
        const size_t in_window = text.substr(from, pf.offset - from + 1).rfind(',');
        const size_t comma = in_window == std::string_view::npos ? in_window : from + in_window;
        if (comma == std::string_view::npos || pf.offset - comma > 40) continue;
        const std::vector<std::string> w = words_in(comma + 1, pf.offset);
        const auto marker = std::find_if(kBefore.begin(), kBefore.end(), [&](const auto& m) {
          return w.size() >= m.size() && std::equal(m.begin(), m.end(), w.begin());
        });
        // `, including almost 100 …`: "including" and the part's qualifier words.
        including = marker == kBefore.end() && !w.empty() && w.front() == "including" && pf.qualifiers != 0 &&
                    w.size() <= 3;
        if (!including &&
            (marker == kBefore.end() || (w.size() > marker->size() && (pf.qualifiers == 0 || w.size() > 4)))) {
          continue;
        }
        c = k - 1;
      }
      const bool of_which = !including;
      // Back over the total's noun (words only) to the total, then over its clause to its opening. A
      // count of people carries its noun in its unit (`1,240 people`).
      size_t k = c;
      while (k > 0 && toks[k - 1].type == Tok::kText) --k;
      if (k == 0 || toks[k - 1].type != Tok::kFact ||
          (k == c && figures_[toks[k - 1].figure].unit != "人" && !measure(toks[k - 1].figure))) {
        continue;
      }
      const size_t at = k - 1;
      bool alone = true;  // a total word may stand before it (`a total of 283 cages`)
      for (size_t b = at; b-- > 0;) {
        const Tok type = toks[b].type;
        if (type == Tok::kComma || type == Tok::kEnd || type == Tok::kOpen || type == Tok::kClose) break;
        if (type != Tok::kText && type != Tok::kTotal) alone = false;
      }
      const int total = toks[at].figure;
      // Two counts, or two quantities in one unit of their own (`5,287 tonnes of waste, around 148
      // tonnes of which …`).
      const bool measures = measure(total) && measure(part) && figures_[total].unit == pf.unit;
      if (!alone || (!measures && (!count(total) || !count(part)))) continue;
      // A category of people (women, men) within a count of a noun the fact reader gives no unit
      // (`500 individuals, including 100 women`, `80 students including 22 women`); not other people
      // (`12 sites, including 25 employees`).
      const bool people_category = pf.unit == "人" && figures_[total].unit.empty() && Categorise(pf.label).first >= 0;
      if (!pf.unit.empty() && pf.unit != figures_[total].unit && !people_category) continue;
      const Figure& tf = figures_[total];
      // Decimals against a whole total only in millions or billions (`3 million youth, including 1.5 million`).
      if (pf.magnitude != tf.magnitude || (pf.decimals > 0 && tf.decimals == 0 && tf.magnitude == 1)) continue;
      // Not "8 of the 15": the part's own words start with a noun or a qualifier, not with "of".
      const size_t after = WordsAfter(pf);
      std::string_view rest = text.substr(std::min<size_t>(after, text.size()), 8);
      while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
      if (!before && (rest.substr(0, 3) == "of " || rest.substr(0, 3) == "Of ")) continue;
      if (of_which && !before) {
        // The part's noun: the words after it up to a verb, a preposition or anything but a word.
        size_t e = after;
        while (e < text.size() && (space(text[e]) || alpha(text[e]))) ++e;
        std::vector<std::string> noun = words_in(after, e);
        const auto end = std::find_if(noun.begin(), noun.end(), [](const std::string& w) { return kNoNoun.count(w); });
        noun.erase(end, noun.end());
        if (!noun.empty()) {
          const size_t comma = text.find(',', WordsAfter(tf));
          const std::vector<std::string> whole = words_in(WordsAfter(tf), std::min(comma, text.size()));
          if (whole.empty() || !same_noun(whole.back(), noun.back())) continue;
        }
      }
      bool list = false;  // another count opening a clause after a comma or "and"
      for (size_t j = p + 1; j < toks.size() && toks[j].type != Tok::kEnd; ++j) {
        list = list || (toks[j].type == Tok::kFact && count(toks[j].figure) &&
                        (toks[j - 1].type == Tok::kComma || toks[j - 1].type == Tok::kEnum));
      }
      if (list) continue;
      Relation r = Stated(RelationKind::kSubset, total, {part});
      r.cue = including ? SubsetCue::kIncluding : SubsetCue::kOfWhich;
      r.certainty = Certainty::kLikely;
      r.flag = !r.consistent && pf.low <= 10 * tf.high;
      if (r.consistent || r.flag) Add(std::move(r));
    }
  };

  auto analyse = [&] {
    tokenizer.Tokenize(cps, &tokens, &text_char, read_path);
    token_chars_ = &text_char;
    AnalyseTokens(tokens, doc.Text());
    token_chars_ = nullptr;
    FindItemLists(tokens);
    FindNumberedItemSums(tokens);
    FindEnglishCountLists(tokens);
    english_count_subsets(tokens);
    cps.clear();
    text_char.clear();
  };

  // Every relation read here has at least two figures (a total and a part, or two shares), so a
  // paragraph whose spans hold fewer than two figure starts is not decoded nor tokenized: most
  // paragraphs are prose. `starts` counts the figure starts of each span (a figure in two spans
  // counts twice, as the tokenizer would meet it twice): never fewer than the facts it would read.
  std::vector<esgaudit_text_span> spans;  // the paragraph's spans, in order
  size_t starts = 0;
  auto figure_starts = [&](uint64_t vb, uint64_t ve) {
    auto at = [&](uint64_t v) {
      return std::lower_bound(figure_at.begin(), figure_at.end(), v,
                              [](const auto& a, uint64_t x) { return a.first < x; });
    };
    return static_cast<size_t>(at(ve) - at(vb));
  };
  auto paragraph_end = [&] {
    if (starts >= 2) {
      size_t bytes = 0;  // at least the code points: one reservation, not a copy per growth
      for (const esgaudit_text_span& span : spans) bytes += span.view_end - span.view_begin;
      cps.reserve(bytes);
      for (const esgaudit_text_span& span : spans) {
        AppendCodePoints(view.substr(span.view_begin, span.view_end - span.view_begin), span.view_begin, &cps,
                         read_path);
      }
      if (!cps.empty()) analyse();
    }
    spans.clear();
    starts = 0;
  };
  uint32_t paragraph = ESGAUDIT_NO_INDEX;
  const uint32_t sentences = doc.SentenceCount();
  for (uint32_t si = 0; si < sentences; ++si) {
    const esgaudit_sentence st = doc.Sentence(si);
    // A host without paragraphs: each sentence alone.
    const uint32_t p = st.struct_size >= kParagraphEnd ? st.paragraph : si;
    if (p != paragraph) paragraph_end();
    paragraph = p;
    for (uint32_t k = 0; k < st.span_count; ++k) {
      const esgaudit_text_span span = doc.TextSpan(st.first_span + k);
      if (span.view_end <= span.view_begin) continue;  // an empty span: no code point
      spans.push_back(span);
      starts += figure_starts(span.view_begin, span.view_end);
    }
  }
  paragraph_end();
}

// "公司现任10名高管中，女性高管为4名": the figure at `t`, a count, is followed by its noun and 中
// (or 之中, 当中: among) and a comma; the first figure of the next clause, after at most 12
// characters of label and before any marker or bracket, of the count's unit (or counting the same
// things) and no change, is a subset of it. The noun is one to six Han characters naming no place,
// time or purpose (在, 于, 用, 的; 过程中, 期间): 中 then says "in", not "among".
// "12名员工中有3名", "在200家企业中仅有10家": 中 right before 有, 仅有 or 只有 (no comma) says the same
// within one clause; the part is then the first figure after 有, and the count must be the first of
// its unit in its clause ("8名董事、3名监事中有1名" may count among both). "36名学员中提拔35名", "10人中5人":
// without 有, for counts of people, the part follows 中 right away or after a verb of at most three
// characters, and has no noun of its own but the whole's; with no noun before 中 nothing stands between
// 中 and the part. A figure right after 第
// (第3名) is an ordinal to the fact reader, no quantity: never a part. Returns the part's figure, or -1.
template <typename Tokens>
int RelationAnalysis::AmongSubset(const Tokens& toks, size_t t, std::vector<int>* more) const {
  more->clear();
  if (toks[t].type != Tok::kFact || token_chars_ == nullptr) return -1;
  const Figure& whole = figures_[toks[t].figure];
  if (whole.kind != ESGAUDIT_FACT_QUANTITY || whole.unit.empty() || IsChangeLabel(whole.label)) return -1;
  std::u32string noun;
  size_t j = t + 1;
  for (; j < toks.size() && toks[j].type == Tok::kText && noun.size() <= 12; ++j) noun += (*token_chars_)[j];
  // The 中有 form: j becomes the token of 有, the part's words following it.
  bool you = false;
  for (size_t z = 0; z + 1 < noun.size(); ++z) {
    if (noun[z] != U'中') continue;
    size_t y = z + 1;
    if (noun[y] == U'仅' || noun[y] == U'只') ++y;
    // 有关, 有效, 有所 …: 有 opens a word of its own ("在12项标准中有关…": 中 may mean "in").
    if (y >= noun.size() || noun[y] != U'有' || (y + 1 < noun.size() &&
                             std::u32string_view(U"关效所利力序机限助望待").find(noun[y + 1]) != std::u32string_view::npos)) {
      continue;
    }
    j = t + 1 + y;
    noun.resize(z + 1);
    you = true;
    break;
  }
  // The direct form, for counts of people only ("5个工作日中办结8个" counts cases within days): j
  // becomes the token of 中, the part right after it or after a verb of at most three characters that
  // opens no word with 中 (中期, 中心, 中级 …).
  bool direct = false, bare = false;
  if (!you && j < toks.size() && toks[j].type == Tok::kFact) {
    if (!PeopleUnit(whole.unit)) return -1;
    static constexpr std::u32string_view kZhongWords =
        U"期心国國层層级級小学學央标標华華文外部间間医醫药藥午旬型端游断斷止转轉资資方性等共专專职職高青老";
    const size_t z = noun.rfind(U'中');
    if (z == std::u32string::npos || noun.size() - z - 1 > 3 ||
        (z + 1 < noun.size() && kZhongWords.find(noun[z + 1]) != std::u32string_view::npos)) {
      return -1;
    }
    // "10人中5人": no noun, then nothing between 中 and the part.
    bare = z == 0;
    if (bare && z + 1 != noun.size()) return -1;
    direct = true;
    j = t + 1 + z;
    noun.resize(z + 1);
  }
  if (!you && !direct && (noun.size() > 9 || j >= toks.size() || toks[j].type != Tok::kComma)) return -1;
  if ((noun.size() < 2 && !bare) || noun.back() != U'中') return -1;
  noun.pop_back();
  if (EndsWithU(noun, U"之") || EndsWithU(noun, U"当")) noun.pop_back();
  // 在…中 frames the whole (在列入考核的83项主要技术经济指标中): its noun may be longer.
  const std::u32string han = HanOf(whole.label);
  const size_t max_noun = !han.empty() && han.front() == U'在' ? 10 : 6;
  if ((noun.empty() && !bare) || noun.size() > max_noun) return -1;
  // "在20名导师中培养了50名": after 在 the 中 of the direct form may say "in".
  if (direct && !han.empty() && han.front() == U'在') return -1;
  for (char32_t c : noun) {
    if (c < 0x4E00 || c > 0x9FFF || std::u32string_view(U"在于用的从向对以把将被其集期程途心").find(c) != std::u32string_view::npos) {
      return -1;
    }
  }
  int text = 0;
  for (size_t k = j + 1; k < toks.size() && text <= 12; ++k) {
    if (toks[k].type == Tok::kText) {
      ++text;
      continue;
    }
    if (toks[k].type != Tok::kFact) return -1;
    const Figure& part = figures_[toks[k].figure];
    if (IsChangeLabel(part.label)) return -1;
    const bool same = (part.kind == whole.kind && part.unit == whole.unit) || SameThingsCounted(part, whole);
    if (!same) return -1;
    // Without 有 the part must count the whole's things: no noun of its own after its unit, or one
    // sharing two characters with the whole's ("20名导师中培养50名学员" counts trainees).
    if (direct && !bare) {
      const std::u32string own = NounAfterUnit(part);
      bool plain = own.empty();
      for (size_t a = 0; a + 1 < own.size() && !plain; ++a) plain = noun.find(own.substr(a, 2)) != std::u32string::npos;
      if (!plain) return -1;
    }
    if (you || direct) {
      for (long b = static_cast<long>(t) - 1; b >= 0 && toks[b].type != Tok::kComma && toks[b].type != Tok::kEnd; --b) {
        if (toks[b].type != Tok::kFact) continue;
        const Figure& g = figures_[toks[b].figure];
        if ((g.kind == whole.kind && g.unit == whole.unit) || SameThingsCounted(g, whole)) return -1;
      }
    }
    // The frame holds to the sentence's end: a clause after ； opening with a count of the unit
    // and the noun's last two characters (18项指标…) counts some of the whole too.
    const std::u32string tail = noun.substr(noun.size() >= 2 ? noun.size() - 2 : 0);
    for (size_t m = k + 1; m < toks.size() && m < k + 40; ++m) {
      if (toks[m].type != Tok::kEnd) continue;
      if (!toks[m].semicolon || m + 1 >= toks.size()) break;
      if (toks[m + 1].type != Tok::kFact) continue;
      const Figure& next = figures_[toks[m + 1].figure];
      if (next.kind == whole.kind && next.unit == whole.unit && !IsChangeLabel(next.label) && tail.size() == 2 &&
          NounAfterUnit(next).substr(0, 2) == tail) {
        more->push_back(toks[m + 1].figure);
      }
    }
    return toks[k].figure;
  }
  return -1;
}

// "已注册车队1261家、集卡车辆13558辆，其中已使用预约业务的车队983家、集卡9730辆": a sentence giving
// totals of different units before 其中 (token `t`, in prose: not right after a bracket) and parts after
// it, each of the unit of one total: each part is a subset of the total of its unit. Taken only where
// the units pair the figures without doubt and the pairing is one the nearest figure before 其中 cannot
// give: every figure after 其中 up to the sentence's end (or semicolon) is a quantity with a unit and
// no change (a year or date aside; a bracket, a share or another subset word there leaves it unread);
// no two parts share a unit (two parts of one unit may be a list, left to the list readers), the
// sentence before 其中 holds exactly one quantity of each part's unit and it is no change; the parts
// come in their totals' order; two or more parts pair so, at least one with a total before the last
// quantity ahead of 其中; and each part's words (its label and the noun after its unit) share two Han
// characters with its total's. One part alone past a figure of another unit is left to the readers of
// that (RateClauseBetween, YearOfRunningTotal): "营业收入32亿元，其中海上风电机组80台" may speak of the
// revenue. A total word inside a part's clause (其中本年度内共发行成立11辆) qualifies the part. Returns
// the (total, part) pairs, or none.
template <typename Tokens>
std::vector<std::pair<int, int>> RelationAnalysis::PartsOfTotalsByUnit(const Tokens& toks, size_t t) const {
  std::vector<std::pair<int, int>> pairs;
  if (toks[t].type != Tok::kSubset || t == 0 || toks[t - 1].type == Tok::kOpen) return pairs;
  auto unit_figure = [&](long k) -> const Figure* {
    if (toks[k].type != Tok::kFact) return nullptr;
    const Figure& f = figures_[toks[k].figure];
    return f.kind == ESGAUDIT_FACT_QUANTITY && !f.unit.empty() ? &f : nullptr;
  };
  std::map<std::string, std::vector<long>> before;  // unit -> tokens of the quantities before 其中
  long last = -1;                                    // the last quantity ahead of 其中
  for (long k = static_cast<long>(t) - 1; k >= 0 && static_cast<long>(t) - k <= 200; --k) {
    if (toks[k].type == Tok::kEnd || toks[k].type == Tok::kSubset) break;
    if (const Figure* g = unit_figure(k); g != nullptr) {
      before[g->unit].push_back(k);
      if (last < 0) last = k;
    }
  }
  std::set<std::string> part_units;
  long previous_total = -1;
  bool skips_last = false;
  for (size_t k = t + 1; k < toks.size() && toks[k].type != Tok::kEnd; ++k) {
    const Token& tok = toks[k];
    if (tok.type == Tok::kSubset || tok.type == Tok::kOpen || tok.type == Tok::kClose) return {};
    if (tok.type == Tok::kTotal) {
      // A total word within the part's clause, its figure ahead before any separator.
      size_t j = k + 1;
      while (j < toks.size() && toks[j].type == Tok::kText) ++j;
      const bool inside = toks[k - 1].type == Tok::kText || toks[k - 1].type == Tok::kSubset;
      if (!inside || j >= toks.size() || toks[j].type != Tok::kFact) return {};
      continue;
    }
    if (tok.type != Tok::kFact) continue;
    const Figure& f = figures_[tok.figure];
    if (f.kind == ESGAUDIT_FACT_YEAR || f.kind == ESGAUDIT_FACT_DATE) continue;
    if (unit_figure(static_cast<long>(k)) == nullptr || IsChangeLabel(f.label) || !part_units.insert(f.unit).second) {
      return {};
    }
    auto it = before.find(f.unit);
    if (it == before.end() || it->second.size() != 1) return {};
    const long total = it->second[0];
    const Figure& g = figures_[toks[total].figure];
    if (IsChangeLabel(g.label) || total <= previous_total) return {};
    const std::u32string part_words = HanOf(f.label) + NounAfterUnit(f);
    const std::u32string total_words = HanOf(g.label) + NounAfterUnit(g);
    bool named = false;
    for (size_t a = 0; a + 1 < part_words.size() && !named; ++a) {
      named = total_words.find(part_words.substr(a, 2)) != std::u32string::npos;
    }
    if (!named) return {};
    previous_total = total;
    skips_last = skips_last || total != last;
    pairs.emplace_back(toks[total].figure, tok.figure);
  }
  if (!skips_last || pairs.size() < 2) return {};
  return pairs;
}

// "累计66台机组实现超低排放，约占煤电装机总容量的67.6%，其中，48台机组…", "发明专利5件，专利转化率达到
// 60%，其中本年度新授权发明专利4件": between a total (token `total`) and 其中 (token `subset`) stands
// one clause of its own holding a share or a rate (token `rate`) and nothing else that counts: it
// speaks of the total or of some of it, so the single part after 其中 (`part`, of the total's unit)
// is a subset of the total either way. The total's clause runs right up to that clause (a bracketed
// remark of another unit allowed), and the part names the total's noun (专利, 机组): the nearest
// figure of the unit may be another's ("专利申请15件、授权5件", "新增8台"). Not for amounts of money.
// "累计向股东派发现金股利156.99亿元，派送股票股利12.34亿股，…，其中2015年分配现金股利51.76亿元": a part
// after 其中 whose words after 其中 name a year of its own (2015年; not a year a running total starts from,
// 2007年以来) within a total counted up to now (累计, 累积 or 以来 in its label, and no year of its own in
// its clause: `2016年累计…` is a sum within a year), both labels naming the same thing (two Han characters
// in common, 人民币 aside): one year's share of the running total, whatever figures of another unit stand
// between. The part's clause must not be a running total itself.
bool RelationAnalysis::YearOfRunningTotal(std::string_view doc_text, int total, int part) const {
  auto running = [](const std::u32string& s) {
    for (const char32_t* w : {U"累计", U"累計", U"累积", U"累積", U"以来", U"以來"}) {
      if (s.find(w) != std::u32string::npos) return true;
    }
    return false;
  };
  auto han = [](std::u32string s) {
    for (const char32_t* w : {U"人民币", U"人民幣"}) {
      for (size_t at = s.find(w); at != s.npos; at = s.find(w)) s.erase(at, std::char_traits<char32_t>::length(w));
    }
    std::u32string out;
    for (char32_t c : s) {
      if (c >= 0x4E00 && c <= 0x9FFF) out.push_back(c);
    }
    return out;
  };
  const Figure& tf = figures_[total];
  const Figure& pf = figures_[part];
  if (tf.unit != pf.unit || tf.kind != pf.kind || IsChangeLabel(tf.label) || IsChangeLabel(pf.label)) return false;
  const std::u32string tl = U32(tf.label), pl = U32(pf.label);
  // The part's words after 其中.
  std::u32string lead = WordsBefore(doc_text, pf, kClauseMarks);
  const size_t of_which = lead.rfind(U"其中");
  if (of_which == std::u32string::npos) return false;
  lead.erase(0, of_which + 2);
  const std::u32string whole = WordsBefore(doc_text, tf, kClauseMarks);
  if (!running(tl) || NamesOwnYear(whole) || running(lead) || !NamesOwnYear(lead)) return false;
  const std::u32string th = han(tl), ph = han(pl);
  for (size_t a = 0; a + 1 < ph.size(); ++a) {
    if (th.find(ph.substr(a, 2)) != std::u32string::npos) return true;
  }
  return false;
}

template <typename Tokens>
bool RelationAnalysis::RateClauseBetween(const Tokens& toks, std::string_view doc_text, long total, long rate,
                                         long subset, int part) const {
  if (toks[rate].type != Tok::kFact) return false;
  const Figure& r = figures_[toks[rate].figure];
  const Figure& tf = figures_[toks[total].figure];
  // A rate named with 同比 (同比进步率为49.40%) is still a rate: its label ends with 率.
  const std::u32string rate_stem = LabelStem(r.label);
  const bool named_rate = !rate_stem.empty() && rate_stem.back() == U'率';
  // "占员工总数1/4": a share written as a fraction, two bare numbers (the first the smaller, after 占)
  // joined by a slash, stands for a rate; the clause is read from its numerator.
  long opens = rate;
  bool share = r.kind == ESGAUDIT_FACT_PERCENT && (!IsChangeLabel(r.label) || named_rate);
  if (!share && r.kind == ESGAUDIT_FACT_QUANTITY && r.unit.empty() && rate >= 2 && toks[rate - 1].type == Tok::kEnum &&
      toks[rate - 2].type == Tok::kFact) {
    const Figure& n = figures_[toks[rate - 2].figure];
    const uint64_t end = n.offset + n.length;
    share = n.kind == ESGAUDIT_FACT_QUANTITY && n.unit.empty() && n.value > 0 && n.value < r.value &&
            Has(n.label, "占") && r.offset >= end && r.offset <= doc_text.size() &&
            doc_text.substr(end, r.offset - end) == "/";
    opens = rate - 2;
  }
  // "机组82台，装机容量4549.5万千瓦，其中…机组58台": a measure of the total's things in another unit
  // (not money, no change) says more about them, as a rate does.
  const bool measure = !share && r.kind == ESGAUDIT_FACT_QUANTITY && !r.unit.empty() && r.unit != tf.unit &&
                       !MoneyUnit(r.unit) && !IsChangeLabel(r.label) && !SameThingsCounted(r, tf);
  if (!share && !measure) return false;
  for (long k = rate + 1; k < subset; ++k) {
    if (toks[k].type != Tok::kComma) return false;
  }
  long c = opens - 1;
  while (c > total && (toks[c].type == Tok::kText || toks[c].type == Tok::kTotal)) --c;
  if (c <= total || toks[c].type != Tok::kComma) return false;
  // Amounts of money are left out: 归属于母公司的净利润 may exceed 净利润 (a minority's loss).
  if (MoneyUnit(tf.unit)) return false;
  for (long k = total + 1, depth = 0; k < c; ++k) {
    const Tok type = toks[k].type;
    if (type == Tok::kOpen) ++depth;
    if (type == Tok::kClose && --depth < 0) return false;
    if (type == Tok::kComma || type == Tok::kEnd || type == Tok::kSubset || type == Tok::kTotal) return false;
    if (type == Tok::kFact && (depth == 0 || figures_[toks[k].figure].unit == tf.unit)) return false;
  }
  // The part names the total's noun: its label's last two characters, or the first two of its noun
  // after the unit, stand in the total's label or noun.
  const Figure& pf = figures_[part];
  const std::u32string whole = HanOf(tf.label) + NounAfterUnit(tf);
  const std::u32string stem = HanOf(ToUtf8(LabelStem(pf.label)));
  const std::u32string noun = NounAfterUnit(pf);
  if ((stem.size() >= 2 && whole.find(stem.substr(stem.size() - 2)) != std::u32string::npos) ||
      (noun.size() >= 2 && whole.find(noun.substr(0, 2)) != std::u32string::npos)) {
    return true;
  }
  // "考核的83项技术经济指标，同比进步率为49.40%，其中18项达行业先进水平": a bare count right after 其中,
  // in the total's classifier and after a rate (not a measure), counts "of them": the total's things,
  // when the total is the only figure of that unit in its sentence before it.
  if (measure || subset + 1 >= static_cast<long>(toks.size()) || toks[subset + 1].type != Tok::kFact ||
      toks[subset + 1].figure != part || pf.unit != tf.unit) {
    return false;
  }
  for (long k = total - 1; k >= 0 && toks[k].type != Tok::kEnd; --k) {
    if (toks[k].type == Tok::kFact && figures_[toks[k].figure].unit == tf.unit) return false;
  }
  return true;
}

template <typename Tokens>
void RelationAnalysis::FindShareOfBaseSubsets(const Tokens& toks, std::string_view doc_text) {
  static const std::vector<std::u32string> kTotalEnds = {U"总人数", U"总数", U"总额", U"总量", U"总和"};
  // Every part with its share of a named base, in the paragraph's order, for the sums below.
  struct ShareOf {
    int part, share;
    std::u32string base, stem;
  };
  std::vector<ShareOf> shares;
  for (size_t p = 2; p < toks.size(); ++p) {
    if (toks[p].type != Tok::kFact) continue;
    const Figure& share = figures_[toks[p].figure];
    if (share.kind != ESGAUDIT_FACT_PERCENT || share.qualifiers != 0 || share.value <= 0 || share.value >= 100) {
      continue;
    }
    // Back over the clause's words to its comma; the token before it is the part.
    size_t c = p;
    while (c > 0 && (toks[c - 1].type == Tok::kText || toks[c - 1].type == Tok::kTotal) && p - c < 24) --c;
    if (c < 2 || toks[c - 1].type != Tok::kComma) continue;
    // "73.05亿股（A股），占总股本的67.64%": a bracket of words naming the part may stand before the comma;
    // such a part is read for the sums below only.
    long before = static_cast<long>(c) - 2;
    bool remark = false;
    if (toks[before].type == Tok::kClose) {
      long open = before - 1;
      while (open >= 0 && toks[open].type == Tok::kText && before - open <= 8) --open;
      if (open < 1 || toks[open].type != Tok::kOpen) continue;
      before = open - 1;
      remark = true;
    }
    if (toks[before].type != Tok::kFact) continue;
    const int part_index = toks[before].figure;
    const Figure& part = figures_[part_index];
    if (part.kind != ESGAUDIT_FACT_QUANTITY || part.unit.empty() || IsChangeLabel(part.label)) continue;
    if (WordsAfter(part) > share.offset || share.offset > doc_text.size()) continue;
    std::u32string between;
    for (char32_t ch : U32(doc_text.substr(WordsAfter(part), share.offset - WordsAfter(part)))) {
      if (ch != U' ' && ch != U'\t' && ch != U'\n' && ch != U'\r' && ch != 0x3000) between.push_back(ch);
    }
    if (remark && (between[0] == U'（' || between[0] == U'(')) {
      const size_t close = between.find_first_of(U"）)");
      between.erase(0, close == std::u32string::npos ? between.size() : close + 1);
    }
    std::u32string base;
    if (between.size() < 5 || (between[0] != U'，' && between[0] != U',') || !ShareClauseBase(between, &base)) continue;
    // The base's words without its total word: 总装机容量 -> 装机容量, 员工总数 -> 员工.
    std::u32string stem = base;
    bool total_word = false;
    for (const std::u32string& w : kTotalEnds) {
      if (!total_word && stem.size() > w.size() && stem.compare(stem.size() - w.size(), w.size(), w) == 0) {
        stem.resize(stem.size() - w.size());
        total_word = true;
      }
    }
    if (!total_word && stem.find(U'总') != std::u32string::npos) {
      stem.erase(stem.find(U'总'), 1);
      total_word = true;
    }
    if (!total_word || stem.size() < 2 || stem.find(U'总') != std::u32string::npos) continue;
    shares.push_back({part_index, toks[p].figure, base, stem});
    if (remark) continue;
    // The base is looked for back to the sentence's start; past a semicolon only when the clause
    // before it is itself a part with its share of the same base ("员工5473人，本科以上员工1281人，
    // 占员工总数的23.40%；具有职称员工1158人，占员工总数的21.16%"): a figure giving its own share of
    // the base is a part of it, never the base. The base so found past a semicolon is read from
    // meaning: a part above it is a warning.
    int base_index = -1;
    bool crossed = false;
    for (size_t k = c - 2; k-- > 0;) {
      if (toks[k].type == Tok::kEnd) {
        const bool after_sibling = shares.size() >= 2 && shares[shares.size() - 2].base == base &&
                                   shares[shares.size() - 2].share == (k > 0 && toks[k - 1].type == Tok::kFact
                                                                           ? toks[k - 1].figure
                                                                           : -1);
        if (!toks[k].semicolon || !after_sibling) break;
        crossed = true;
        continue;
      }
      if (toks[k].type != Tok::kFact) continue;
      if (std::any_of(shares.begin(), shares.end(),
                      [&](const ShareOf& s) { return s.part == toks[k].figure && s.base == base; })) {
        continue;
      }
      const Figure& g = figures_[toks[k].figure];
      if (g.kind != part.kind || g.unit != part.unit || IsChangeLabel(g.label)) continue;
      if (!LabelNamesShareBase(g.label, stem)) continue;
      base_index = toks[k].figure;
      break;
    }
    if (base_index < 0) continue;
    share_claims_.push_back({part_index, base_index, toks[p].figure, crossed ? Certainty::kLikely : Certainty::kCertain});
    Relation r = Stated(RelationKind::kSubset, base_index, {part_index});
    r.cue = SubsetCue::kShareOf;
    if (crossed) r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
  // "境内人民币普通股73.05亿股（A股），占总股本的67.64%；海外上市外资股34.95亿股（H股），占总股本的32.36%":
  // consecutive parts giving their shares of one base, the shares adding up to 100 % as printed, are
  // the whole of the base: their sum is the base's figure stated earlier in the paragraph (the nearest
  // of the parts' unit whose label holds the base's words without the total word: 总股本 -> 股本).
  // The longest such run is taken; the pairing crosses sentences, so a sum off is a warning. Their
  // shares are a breakdown of the base as well. A run whose shares do not make 100 % is taken by its
  // counts instead: parts that add up to the base as printed are its whole all the same, and shares
  // off 100 % are a warning.
  // One base is named with or without the company's 公司 (占公司总股本…%；…占总股本…%). Parts that carry
  // two measures, each with its share ("内部培训48场，占培训总场数的81.4%，培训员工3438人次，占总培训人数的
  // 86.4%；外派培训11场…"), make two runs: a share of another base in another unit is passed over.
  auto company_free = [](const std::u32string& stem) {
    for (std::u32string_view w : {std::u32string_view(U"本公司"), std::u32string_view(U"公司")}) {
      if (stem.size() >= w.size() + 2 && stem.compare(0, w.size(), w) == 0) return stem.substr(w.size());
    }
    return stem;
  };
  auto same_base = [&](const ShareOf& x, const ShareOf& y) {
    return x.base == y.base || company_free(x.stem) == company_free(y.stem);
  };
  // A base counting the parts' unit (培训场数 of parts in 场, 培训人数 of parts in 人) may have a figure
  // whose label names only the thing counted (组织各类培训59场, 培训员工3977人次): the nearest figure
  // whose label holds those words (培训) is taken when none holds the base's.
  auto base_before = [&](const ShareOf& s) {
    const Figure& first = figures_[s.part];
    const std::u32string stem = company_free(s.stem), unit = U32(first.unit);
    std::u32string counted;
    if (stem.size() >= 4 && !unit.empty() && stem.back() == U'数' && stem[stem.size() - 2] == unit[0]) {
      counted = stem.substr(0, stem.size() - 2);
    }
    int base_index = -1, by_counted = -1;
    for (size_t k = 0; k < toks.size(); ++k) {
      const Figure* g = toks[k].type == Tok::kFact ? &figures_[toks[k].figure] : nullptr;
      if (g == nullptr || g->offset >= first.offset) continue;
      if (g->kind != first.kind || g->unit != first.unit || IsChangeLabel(g->label)) continue;
      const std::u32string label = LabelStem(g->label);
      if (label.find(stem) != std::u32string::npos) {
        base_index = toks[k].figure;
      } else if (!counted.empty() && label.find(counted) != std::u32string::npos) {
        by_counted = toks[k].figure;
      }
    }
    return base_index >= 0 ? base_index : by_counted;
  };
  std::vector<bool> taken(shares.size(), false);
  for (size_t a = 0; a + 1 < shares.size(); ++a) {
    if (taken[a]) continue;
    const Figure& pa = figures_[shares[a].part];
    std::vector<size_t> run{a};  // the run of one base and unit
    for (size_t b = a + 1; b < shares.size(); ++b) {
      const Figure& pb = figures_[shares[b].part];
      const bool same_unit = pb.kind == pa.kind && pb.unit == pa.unit;
      if (!same_base(shares[b], shares[a])) {
        if (same_unit) break;
        continue;
      }
      if (!same_unit) break;
      run.push_back(b);
    }
    size_t best = 0;  // the run's last part taken
    double low = figures_[shares[a].share].low, high = figures_[shares[a].share].high;
    for (size_t i = 1; i < run.size(); ++i) {
      low += figures_[shares[run[i]].share].low;
      high += figures_[shares[run[i]].share].high;
      if (low <= 100 && high >= 100) best = i;
    }
    const int base_index = run.size() > 1 ? base_before(shares[a]) : -1;
    if (base_index < 0) continue;
    const bool by_shares = best > 0;
    if (!by_shares) {
      const Figure& base = figures_[base_index];
      double sum_low = pa.low, sum_high = pa.high;
      for (size_t i = 1; i < run.size(); ++i) {
        sum_low += figures_[shares[run[i]].part].low;
        sum_high += figures_[shares[run[i]].part].high;
        if (sum_low <= base.high && base.low <= sum_high) best = i;
      }
      if (best == 0) continue;
    }
    std::vector<int> parts, pcts;
    for (size_t i = 0; i <= best; ++i) {
      parts.push_back(shares[run[i]].part);
      pcts.push_back(shares[run[i]].share);
      taken[run[i]] = true;
    }
    Relation r = Stated(RelationKind::kPartsTotal, base_index, std::move(parts));
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent && NearOrSlip(&r, figures_[base_index].low, figures_[base_index].high);
    if (r.consistent || r.flag) Add(std::move(r));
    Relation p = Stated(RelationKind::kPercentBreakdown, -1, std::move(pcts));
    p.caption = figures_[base_index].label;
    p.certainty = Certainty::kLikely;
    p.flag = !p.consistent && !by_shares;
    if (p.consistent || p.flag) Add(std::move(p));
  }
}

template <typename Tokens>
void RelationAnalysis::AnalyseTokens(const Tokens& toks, std::string_view doc_text) {
  auto fig = [this](const Token& t) -> const Figure* {
    return t.type == Tok::kFact ? &figures_[t.figure] : nullptr;
  };
  auto same_unit = [](const Figure& a, const Figure& b) {
    return a.kind == b.kind && a.unit == b.unit;
  };
  // The bracket matching the one at `k` (kOpen forward, kClose backward) within the sentence and
  // 200 tokens (a remark is short; the bound keeps a long unbracketed line linear), or -1.
  auto matching = [&](long k) -> long {
    const int dir = toks[k].type == Tok::kOpen ? 1 : -1;
    for (long j = k + dir, depth = 1; j >= 0 && j < static_cast<long>(toks.size()) && std::labs(j - k) <= 200;
         j += dir) {
      if (toks[j].type == Tok::kEnd) return -1;
      if (toks[j].type == toks[k].type) ++depth;
      if (toks[j].type == (dir > 0 ? Tok::kClose : Tok::kOpen) && --depth == 0) return j;
    }
    return -1;
  };
  // Parts of `total` from token `from` in direction `dir` to the sentence end. A bracketed remark
  // ("（含研发人员2,189位）", "（包括美国专利2项）" right after a part) is skipped; one holding its own
  // 其中 makes the parts overlap (`nested`).
  // A bracket holding one figure and nothing else right after a word ("大理州（7所）、红河州（2所）")
  // gives that word its figure: no remark, and no separator either.
  auto lone_figure_bracket = [&](long k) {
    if (toks[k].type != Tok::kOpen && toks[k].type != Tok::kClose) return false;
    const long open = toks[k].type == Tok::kOpen ? k : k - 2;
    return open >= 1 && open + 2 < static_cast<long>(toks.size()) && toks[open].type == Tok::kOpen &&
           toks[open + 1].type == Tok::kFact && toks[open + 2].type == Tok::kClose && toks[open - 1].type == Tok::kText;
  };
  // "其中：独立董事4人，外部董事8人（包含独立董事）": a remark opened by 包含 / 包括 after a part whose words
  // (from `subset_at` + 1 to the bracket's close) are the label of another part of the list, the
  // part's own excepted (the last of `parts`): the two overlap, so the list is no partition, even where
  // its sum meets the total by chance (4 + 8 = 12 there). `remark_overlap`: a collect of the 其中 list
  // being read met one.
  bool remark_overlap = false;
  auto remark_names_another_part = [&](long subset_at, long close, const std::vector<int>& parts) {
    if (token_chars_ == nullptr || parts.size() < 2) return;
    std::u32string words;
    for (long j = subset_at + 1; j < close; ++j) {
      if (toks[j].type != Tok::kText || static_cast<size_t>(j) >= token_chars_->size()) return;
      words.push_back((*token_chars_)[j]);
    }
    if (words.size() < 2) return;
    remark_overlap = remark_overlap || std::any_of(parts.begin(), parts.end() - 1, [&](int p) {
      const std::u32string label = U32(figures_[p].label);
      return label.size() >= 2 && (label == words || (label.size() > words.size() &&
                                                      label.compare(label.size() - words.size(), words.size(), words) == 0));
    });
  };
  bool through_semicolons = false, stopped_at_semicolon = false;
  // `explained_parts`: a clause without any figure right after a part's clause and ending at a
  // semicolon says what the part is for ("环保资金投入15.15亿元，重点用于…；节能资金投入10.9亿元，
  // 重点用于…") and goes on the list (with `through_semicolons`); `passed_explanation`: the last
  // collect did pass one.
  bool explained_parts = false, passed_explanation = false;
  // `share_clauses`: a clause giving only the share of the part before it goes on the list (see
  // collect); `passed_share_clause`: the last collect did go past one.
  bool share_clauses = true, passed_share_clause = false;
  // `change_clauses`: after 其中, a clause giving only the change of the part before it goes on the list
  // (see collect); `passed_change_clause`: the last collect did go past one.
  bool change_clauses = false, passed_change_clause = false;
  // `late_start`: the last collect (forward) found its first part past a clause that gave a figure
  // but no part ("其中海外收入约占50%，实现净利润21.4亿元").
  bool late_start = false;
  // `clause_totals`: a 共 / 共计 inside a clause that a semicolon ends gives that clause's part (see
  // collect); `passed_clause_total`: the last collect did take one.
  bool clause_totals = false, passed_clause_total = false;
  bool last_clause_gave_part = false;  // the last collect's last clause gave a part
  // `colon_clauses`: after 其中 and a colon, what stands in a clause (to a semicolon) before its part
  // belongs to it: words between commas (充分发挥…的作用，为28名…申请救助2.8万元) end nothing, and a count
  // before a part in money says how many the part was for (救助大病职工40人，救助金额23.9万元) and starts
  // nothing late (see collect).
  bool colon_clauses = false;
  // Whether every clause the last `collect` read, up to each semicolon and the last to where it
  // stopped, gave exactly one part.
  bool one_part_a_clause = true;
  // The last token the last `collect` read: where it stopped, or the paragraph's edge (-1: none).
  long stopped_at = -1;
  // Whether the last `collect` read to its sentence's end: past the paragraph's edge, or stopped at a
  // full stop (not at a semicolon).
  auto collect_reached_sentence_end = [&]() {
    return stopped_at < 0 || stopped_at + 1 >= static_cast<long>(toks.size()) ||
           (toks[stopped_at].type == Tok::kEnd && !toks[stopped_at].semicolon);
  };
  // A total word between a part's label and its figure ("意外险保费累计3000元", "用于甲类产品共计25张"):
  // label text before it in its clause and the figure right after it, or after the one or two
  // characters of the figure's own qualifier ("现场服务累计超过2,000人次", "累计约3.4亿元"). Right
  // after the subset word the total word opens the part's label, which then runs up to its figure
  // ("其中累计派发现金红利约3.4亿元": the part too is counted up to now). Where a total word belongs to a
  // part's label (the first part, or a later one worded as the first: see collect), with label text on
  // both sides, up to six characters of it may follow the total word ("其中国外专利累计申请量749项":
  // nothing is listed yet for it to total), unless the label before it states a span (以来, 年来).
  auto qualifies_figure = [&](long k) {
    if (toks[k].type != Tok::kTotal || k == 0) return false;
    if (toks[k - 1].type == Tok::kSubset) {
      long j = k + 1;
      while (j < static_cast<long>(toks.size()) && toks[j].type == Tok::kText) ++j;
      return j > k + 1 && j < static_cast<long>(toks.size()) && toks[j].type == Tok::kFact;
    }
    if (toks[k - 1].type != Tok::kText) return false;
    if (token_chars_ != nullptr) {
      // Not after a span (助学项目自启动以来累计捐赠80万元: over years, no part of a year's figure).
      std::u32string label;
      for (long b = k - 1; b >= 0 && toks[b].type == Tok::kText; --b) label.insert(label.begin(), (*token_chars_)[b]);
      const bool span = label.find(U"以来") != std::u32string::npos || label.find(U"年来") != std::u32string::npos;
      long j = k + 1;
      while (j < static_cast<long>(toks.size()) && j <= k + 6 && toks[j].type == Tok::kText) ++j;
      if (!span && j > k + 1 && j < static_cast<long>(toks.size()) && toks[j].type == Tok::kFact) return true;
    }
    for (long j = k + 1; j < static_cast<long>(toks.size()) && j <= k + 3; ++j) {
      if (toks[j].type == Tok::kFact) return j == k + 1 || figures_[toks[j].figure].qualifiers != 0;
      if (toks[j].type != Tok::kText) return false;
    }
    return false;
  };
  // Whether a figure follows token `k` in its sentence.
  auto figure_ahead = [&](long k) {
    for (long e = k + 1; e < static_cast<long>(toks.size()) && toks[e].type != Tok::kEnd; ++e) {
      if (toks[e].type == Tok::kFact) return true;
    }
    return false;
  };
  // "覆盖约290多个城市的网络，其中自营屏幕约22.5万台，覆盖约90多个城市", "共培训员工5,800人次，其中，培训
  // 中心（…）举办培训班49期，累计培训2,270人次": right after 其中 (a comma allowed), a part's words
  // (bracketed remarks passed) and its size in another unit, then a comma and a clause giving the part
  // in the total's unit: a subset of the total (token `total_at`, before the 其中 at `subset_at`). That
  // clause's words before its figure (a total word among them) are at most 12 tokens and share two Han
  // characters with the total's label, the same measure said again (覆盖, 培训), common words aside.
  // Returns the part's figure, or -1.
  auto part_past_its_size = [&](long total_at, size_t subset_at) -> int {
    const Figure& total = figures_[toks[total_at].figure];
    if (IsChangeLabel(total.label) || toks[subset_at].contains) return -1;
    const long n = static_cast<long>(toks.size());
    long j = static_cast<long>(subset_at) + 1;
    if (j < n && toks[j].type == Tok::kComma) ++j;
    int words = 0;
    while (j < n && words <= 40) {
      if (toks[j].type == Tok::kOpen) {
        const long m = matching(j);
        if (m < 0) return -1;
        j = m + 1;
        continue;
      }
      if (toks[j].type != Tok::kText && toks[j].type != Tok::kEnum) break;
      ++j;
      ++words;
    }
    const Figure* size = j < n ? fig(toks[j]) : nullptr;
    if (words == 0 || size == nullptr || size->kind != ESGAUDIT_FACT_QUANTITY || size->unit.empty() ||
        size->unit == total.unit || IsChangeLabel(size->label) || j + 1 >= n || toks[j + 1].type != Tok::kComma) {
      return -1;
    }
    const long clause = j + 2;
    j = clause;
    while (j < n && (toks[j].type == Tok::kText || toks[j].type == Tok::kTotal) && j - clause < 12) ++j;
    const Figure* part = j < n ? fig(toks[j]) : nullptr;
    if (j == clause || part == nullptr || part->kind != total.kind || part->unit != total.unit ||
        IsChangeLabel(part->label)) {
      return -1;
    }
    static const std::u32string kCommon[] = {U"公司", U"全国", U"全年", U"累计", U"共计", U"合计", U"总计"};
    const std::u32string part_han = HanOf(part->label), total_han = HanOf(total.label);
    for (size_t a = 0; a + 1 < part_han.size(); ++a) {
      const std::u32string two = part_han.substr(a, 2);
      if (std::find(std::begin(kCommon), std::end(kCommon), two) == std::end(kCommon) &&
          total_han.find(two) != std::u32string::npos) {
        return toks[j].figure;
      }
    }
    return -1;
  };
  // "其中甲、乙、丙各12人": a figure right after 各 whose clause, from its opening (a comma or the
  // subset word) up to 各, is nothing but a plain list of two or more short names (one to eight Han
  // characters or Latin letters each) joined by 、 / 和 / 及: each name counts that figure once, so the
  // part stands that many times in the sum. Returns how many names share the figure at token `k`
  // (1 when no such list: 各部门, 各类, a single name, a name holding a figure or a bracket).
  auto shared_by_list = [&](long k) -> int {
    if (token_chars_ == nullptr || k < 2 || toks[k - 1].type != Tok::kText || (*token_chars_)[k - 1] != U'各') {
      return 1;
    }
    int names = 0, length = 0;
    for (long j = k - 2; j >= 0; --j) {
      const Tok type = toks[j].type;
      if (type == Tok::kText) {
        const char32_t c = (*token_chars_)[j];
        const bool latin = (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
        if (!latin && (c < 0x4E00 || c > 0x9FFF)) return 1;
        if (++length > 8) return 1;
        continue;
      }
      if (length == 0) return 1;  // a separator with no name after it
      ++names;
      length = 0;
      if (type == Tok::kEnum) continue;
      const bool opens = type == Tok::kComma || type == Tok::kSubset;
      return opens && names >= 2 ? names : 1;
    }
    return 1;
  };
  auto collect = [&](size_t from, int dir, const Figure& total, bool* enumerated, bool* nested) {
    std::vector<int> parts;
    stopped_at_semicolon = false;
    stopped_at = -1;
    bool enum_sep = false, comma_sep = false, first_opens = false;
    bool clause_part = false;  // the current clause gave a part
    bool last_clause_part = false;  // the clause before it did
    bool share_clause = false;  // the current clause gives only the share of that part
    passed_share_clause = false;
    bool change_clause = false;  // the current clause gives only the change of that part
    passed_change_clause = false;
    late_start = false;
    bool clause_figure = false;  // the current clause holds a figure that is no part
    bool any_figure = false;  // the current clause holds a figure at all
    bool explanation = false;  // the current clause is an explanation (see explained_parts)
    passed_explanation = false;
    bool first_qualified = false;  // the first part's figure follows a total word of its label
    size_t clause_from = 0;  // parts.size() where the current clause after a semicolon began
    passed_clause_total = false;
    one_part_a_clause = true;
    *nested = false;
    for (long k = static_cast<long>(from); k >= 0 && k < static_cast<long>(toks.size()); k += dir) {
      stopped_at = k;
      const Token& t = toks[k];
      if (lone_figure_bracket(k)) continue;
      // The first part's total word belongs to its label (nothing before it to total); a later
      // one does only when the first part had one too (the parts are worded alike). Otherwise a
      // total word ends the list ("其中A 10人、B 20人，合计30人").
      if (dir > 0 && (parts.empty() || first_qualified) && qualifies_figure(k)) {
        if (parts.empty()) first_qualified = true;
        continue;
      }
      // "其中A类报告16项；B、C等共41项；…", "其中，每年捐给甲县200万元，共1000万元；建学校7所共计600万元；…":
      // with `clause_totals`, a 共 / 共计 after a part's words, a part or a figure of another unit, inside
      // a clause of the list that a semicolon ends (the list goes on past it), sums that clause alone:
      // the figure right after it is the clause's part, in place of the clause's earlier parts (a yearly
      // amount, pieces of it). Nothing but words may follow the figure up to the semicolon. Opening a
      // clause, in the list's last one, or with a figure equal to the sum of every part so far (earlier
      // clauses' too: a running total), such a word may total the list and ends it.
      if (clause_totals && dir > 0 && t.type == Tok::kTotal && t.gong && !parts.empty() &&
          (toks[k - 1].type == Tok::kText || toks[k - 1].type == Tok::kComma || toks[k - 1].type == Tok::kFact)) {
        long at = k + 1;
        while (at < static_cast<long>(toks.size()) && at <= k + 2 && toks[at].type == Tok::kText) ++at;
        const Figure* g = at < static_cast<long>(toks.size()) ? fig(toks[at]) : nullptr;
        bool ends_at_semicolon = false;
        if (g != nullptr && (at == k + 1 || g->qualifiers != 0) && same_unit(*g, total) && !IsChangeLabel(g->label)) {
          for (long e = at + 1; e < static_cast<long>(toks.size()); ++e) {
            if (toks[e].type == Tok::kEnd) {
              ends_at_semicolon = toks[e].semicolon;
              break;
            }
            if (toks[e].type != Tok::kText && toks[e].type != Tok::kComma && toks[e].type != Tok::kEnum) break;
          }
        }
        if (ends_at_semicolon && clause_from > 0 &&
            Stated(RelationKind::kPartsTotal, toks[at].figure, parts).consistent) {
          ends_at_semicolon = false;
        }
        if (ends_at_semicolon) {
          parts.resize(clause_from);
          parts.push_back(toks[at].figure);
          clause_part = true;
          passed_clause_total = true;
          k = at;
          continue;
        }
      }
      if (t.type == (dir > 0 ? Tok::kOpen : Tok::kClose)) {
        long m = matching(k);
        if (m >= 0) {
          for (long j = std::min(k, m); j <= std::max(k, m); ++j) {
            if (toks[j].type != Tok::kSubset) continue;
            if (!BracketRemarksOnThePart(toks, j)) {
              *nested = true;
            } else {
              remark_names_another_part(j, std::max(k, m), parts);
            }
          }
          if (*nested) break;
          k = m;
          continue;
        }
      }
      // A subset word whose sentence holds no figure says what the list covers ("…运营维护投入1,319万元，
      // 包含…各项费用。") and only ends it; with a figure it opens an overlapping list of its own.
      if (t.type == Tok::kSubset) *nested = figure_ahead(k);
      // `through_semicolons`: a semicolon separates the list's clauses like a comma (a clause
      // without a part still ends the list); otherwise the list ends there, said in
      // `stopped_at_semicolon`.
      if (t.type == Tok::kEnd && t.semicolon && dir > 0 && !parts.empty()) {
        stopped_at_semicolon = clause_part || change_clause;
        const bool explains = explained_parts && !clause_part && !any_figure && last_clause_part && !explanation;
        if (!through_semicolons || (!clause_part && !change_clause && !explains)) break;
        passed_explanation = passed_explanation || explains;
        one_part_a_clause = one_part_a_clause && parts.size() == clause_from + 1;
        clause_from = parts.size();
        comma_sep = true;
        last_clause_part = clause_part || change_clause;
        clause_part = false;
        change_clause = false;
        any_figure = false;
        explanation = explains;
        continue;
      }
      // "占员工总数的60%": the total word of a share clause (see below) ends nothing.
      if (t.type == Tok::kTotal && share_clauses && dir > 0 && !parts.empty() && !clause_part && last_clause_part) {
        long j = k + 1;
        while (j < static_cast<long>(toks.size()) && toks[j].type == Tok::kText) ++j;
        const Figure* g = j < static_cast<long>(toks.size()) ? fig(toks[j]) : nullptr;
        if (g != nullptr && g->kind == ESGAUDIT_FACT_PERCENT && Has(g->label, "占")) continue;
      }
      if (t.type == Tok::kEnd || t.type == Tok::kClose || t.type == Tok::kSubset || t.type == Tok::kTotal) break;
      if (t.type == Tok::kEnum && !parts.empty()) enum_sep = true;
      if ((t.type == Tok::kComma || t.type == Tok::kOpen) && parts.empty()) {
        late_start = late_start || (dir > 0 && clause_figure);
        clause_figure = false;
      }
      if ((t.type == Tok::kComma || t.type == Tok::kOpen) && !parts.empty()) {
        // "其中执行董事4名、非执行董事5名，独立董事占比不低于三分之一，女性董事3名": a clause
        // without a part ends the list, unless it only gives the share of the part before it (an
        // explanation, see explained_parts, ends at a semicolon or the sentence's end).
        if (!clause_part && !share_clause && !change_clause && !(colon_clauses && parts.size() == clause_from)) break;
        comma_sep = true;
        last_clause_part = clause_part || change_clause;
        clause_part = false;
        share_clause = false;
        change_clause = false;
        any_figure = false;
      }
      const Figure* f = fig(t);
      if (f == nullptr) continue;
      // "其中主营业务收入290亿元，较上年增长10%，其他业务收入10亿元": with `change_clauses`, a clause right
      // after a part's clause (or after another such clause) whose words open with a change word and
      // hold its one figure gives that part's change; it goes on the list, its figure no part. Any
      // further figure in it (增长10%至200亿元) ends the list.
      if (change_clause) break;
      if (change_clauses && dir > 0 && !parts.empty() && !clause_part && last_clause_part && !any_figure &&
          token_chars_ != nullptr) {
        long w = k;
        while (w > 0 && toks[w - 1].type == Tok::kText) --w;
        std::u32string words;
        for (long j = w; j < k; ++j) words.push_back((*token_chars_)[j]);
        if (w > 0 && (toks[w - 1].type == Tok::kComma || (toks[w - 1].type == Tok::kEnd && toks[w - 1].semicolon)) &&
            OpensWithChange(words)) {
          any_figure = true;
          change_clause = true;
          passed_change_clause = true;
          continue;
        }
      }
      any_figure = true;
      if (colon_clauses && dir > 0 && parts.empty() && f->kind == total.kind && MoneyUnit(total.unit) &&
          CountUnit(f->unit)) {
        continue;
      }
      // "累计对外捐赠8800万元，其中2016年捐赠63项公益项目，捐资1617万元": without a colon too, a count in
      // the first clause right after 其中 (words only before it) says how many the part in money was for
      // when the very next clause gives that part (a few words, then an amount in the total's unit).
      if (!colon_clauses && dir > 0 && parts.empty() && f->kind == total.kind && MoneyUnit(total.unit) &&
          CountUnit(f->unit) && from > 0 && toks[from - 1].type == Tok::kSubset &&
          std::all_of(toks.begin() + static_cast<long>(from), toks.begin() + k,
                      [](const Token& x) { return x.type == Tok::kText; })) {
        long j = k + 1;
        while (j < static_cast<long>(toks.size()) && toks[j].type == Tok::kText && j - k <= 8) ++j;
        bool amount_next = false;
        if (j < static_cast<long>(toks.size()) && toks[j].type == Tok::kComma && !toks[j].colon) {
          long a = j + 1;
          while (a < static_cast<long>(toks.size()) && toks[a].type == Tok::kText && a - j <= 4) ++a;
          const Figure* g = a < static_cast<long>(toks.size()) ? fig(toks[a]) : nullptr;
          amount_next = g != nullptr && same_unit(*g, total) && !IsChangeLabel(g->label) && !PerUnitFigure(*g);
        }
        if (amount_next) continue;
      }
      if (parts.empty()) clause_figure = true;  // until it is taken as a part
      // "较上年增长12人": a change is never a part; nor is a per-unit figure (a ratio) of a total that
      // is none: "其中净利润1.1亿元，每股收益0.12元" gives one part.
      if (IsChangeLabel(f->label) || (PerUnitFigure(*f) && !PerUnitFigure(total))) continue;
      // "支付利息169,842万元。其中，总规模15亿元的06北辰债…": a figure labelled as a size when its total
      // is none (an amount paid) is the size of another thing the clause speaks of (a bond, a fund,
      // a plant), no part of the total; a part may still follow in the clause. Sizes within a size
      // (总规模29710吨/日，其中焚烧18550吨/日; 设计能力…，其中单厂规模…) stay parts.
      if (SizeLabel(f->label) && !SizeLabel(total.label)) continue;
      // "其中男性员工120人，占员工总数的60%，女性员工80人": a clause holding the share of the part
      // before it (占 …%) and nothing else goes on the list.
      if (share_clauses && dir > 0 && !parts.empty() && !clause_part && last_clause_part && !share_clause &&
          f->kind == ESGAUDIT_FACT_PERCENT && Has(f->label, "占")) {
        share_clause = true;
        passed_share_clause = true;
        continue;
      }
      share_clause = false;
      // "高级职称271人，中级职称893人，20人入选..." — a clause opening with the number says
      // something else about it.
      bool opens = k == 0 || toks[k - 1].type == Tok::kComma ||
                   (toks[k - 1].type == Tok::kOpen && !lone_figure_bracket(k - 1)) ||
                   toks[k - 1].type == Tok::kSubset || toks[k - 1].type == Tok::kEnum;
      if (dir > 0 && !parts.empty() && opens && !first_opens) break;
      // "其中材料供应商2200家，设备供应商1800家，2016年新导入供应商约1000家": a later clause counting what
      // came in during a period (FlowClause) counts no part of the stock the earlier parts split,
      // unless the total's or the first part's clause is such a count too. It ends the list.
      if (dir > 0 && !parts.empty() && !clause_part && FlowClause(doc_text, *f) &&
          !FlowClause(doc_text, figures_[parts.front()]) && !FlowClause(doc_text, total)) {
        break;
      }
      // "其中46名干部成功竞聘上岗，组建了170多人的后备干部库": a later clause whose words end in 了 right
      // before its figure reports an action of its own, no further part.
      if (dir > 0 && !parts.empty() && !clause_part && k > 0 && toks[k - 1].type == Tok::kText &&
          token_chars_ != nullptr && (*token_chars_)[k - 1] == U'了') {
        break;
      }
      if (parts.empty()) first_opens = opens;
      // "申请专利55项，其中发明专利16项，授权专利39项，其中发明专利5项": a figure with a 其中 list
      // of its own ends this list. A subset word whose sentence holds no figure says what the
      // amount covers ("运营维护投入1,319万元，包含…各项费用"): no list, the figure stays a part.
      if (dir > 0 && !parts.empty()) {
        long j = k + 1;
        while (j < static_cast<long>(toks.size()) && toks[j].type == Tok::kText && j - k <= 12) ++j;
        if (j + 1 < static_cast<long>(toks.size()) && toks[j].type == Tok::kComma &&
            toks[j + 1].type == Tok::kSubset) {
          if (figure_ahead(j + 1)) break;
        }
      }
      // "专利授权398项，其中发明专利227项，另取得软件著作权89项": a later clause opening with 另 (besides)
      // adds something beside the list and ends it; 另有 (the rest) goes on it.
      if (dir > 0 && !parts.empty() && !clause_part && token_chars_ != nullptr) {
        long w = k - 1;
        while (w > 0 && toks[w - 1].type == Tok::kText) --w;
        if (w > 0 && w + 1 < k && toks[w].type == Tok::kText && toks[w - 1].type == Tok::kComma &&
            (*token_chars_)[w] == U'另' && (*token_chars_)[w + 1] != U'有') {
          break;
        }
      }
      if (same_unit(*f, total) || SameThingsCounted(*f, total)) {
        const int times = dir > 0 ? shared_by_list(k) : 1;
        for (int n = 0; n < times; ++n) parts.push_back(t.figure);
        clause_part = true;
      } else if (f->kind == total.kind && !parts.empty() && MoneyUnit(total.unit) && CountUnit(f->unit)) {
        // "承销金额1284亿元，承销家数132家，…主承销金额231亿元": a count beside a part in money says how
        // many deals the amount was, another dimension of the same part; it neither ends the list
        // nor is a part, and its clause goes on the list.
        clause_part = true;
      } else if (f->kind == total.kind && clause_part && MoneyUnit(total.unit) && !f->unit.empty() &&
                 !MoneyUnit(f->unit) && dir > 0 && toks[k - 1].type == Tok::kText) {
        // "其中，300万元用于建设5条水渠，100万元用于助学": a measure after the words of a part in money,
        // in the part's own clause, says what the amount bought; the list goes on.
        continue;
      } else if (f->kind == total.kind) {
        break;  // another quantity: a new list begins
      }
    }
    one_part_a_clause = one_part_a_clause && parts.size() == clause_from + 1;
    std::sort(parts.begin(), parts.end());
    *enumerated = enum_sep && !comma_sep;
    last_clause_gave_part = clause_part;
    return parts;
  };
  // after_subset_word: the parts follow 其中 / 包括 and no bracketed 其中 of their own.
  auto add_parts_total = [&](int total, std::vector<int> parts, bool enumerated, bool after_subset_word,
                             SubsetCue cue = SubsetCue::kOfWhich) {
    Relation r = Stated(RelationKind::kPartsTotal, total, std::move(parts));
    // "员工总数900人，其中女性员工500人，党员员工600人": groups along two different dimensions overlap;
    // a sum off says nothing (the caller may take each as a subset).
    // The parts naming every category of a closed dimension (男100人，女19人 beside 少数民族28人) are
    // still its sum.
    if (after_subset_word && !r.consistent && AlongDifferentDimensions(r.parts)) {
      for (size_t d = 0; d < Dimensions().size(); ++d) {
        if (!Dimensions()[d].closed) continue;
        std::vector<int> of_dim;
        for (int p : r.parts) {
          if (Categorise(figures_[p].label).first == static_cast<int>(d)) of_dim.push_back(p);
        }
        if (of_dim.size() < 2 || !CategoriesOf(of_dim).complete) continue;
        // The other groups of the list (少数民族员工28人 beside 男 / 女) are each a subset of the total
        // when they name its noun, as a list of such kinds is (add_kinds below).
        std::vector<int> others;
        for (int p : r.parts) {
          if (std::find(of_dim.begin(), of_dim.end(), p) == of_dim.end() && NamingOf(total, {p}).names_total) {
            others.push_back(p);
          }
        }
        Relation closed = Stated(RelationKind::kPartsTotal, total, std::move(of_dim));
        closed.flag = !closed.consistent;
        Add(std::move(closed));
        for (int p : others) {
          Relation sub = Stated(RelationKind::kSubset, total, {p});
          sub.cue = cue;
          sub.flag = !sub.consistent;
          Add(std::move(sub));
        }
        return true;
      }
      return false;
    }
    r.flag = Reportable(&r, enumerated);
    // Parts that name their total ("监事5名，其中职工代表监事2名、非职工代表监事3名") or close the set
    // with 其他 cannot exceed it; with 其他 they cannot fall short either.
    // Other parts after 其中 may overlap (女性60人，党员50人): their sum above the total is a warning.
    if (after_subset_word && !r.consistent && !r.flag) {
      const PartNaming naming = NamingOf(total, r.parts);
      // "收集职工提案86件，其中立案52件，已办结50件": a later part worded as a state reached (已办结, 已完成,
      // 已整改) counts things that may be another part's, further on: without a part in the opposite
      // state (未…, 待…, 在建, 正在…) to split the total with it, such a list is no sum.
      auto state_reached = [&]() {
        bool reached = false;
        for (size_t i = 0; i < r.parts.size(); ++i) {
          const std::string& label = figures_[r.parts[i]].label;
          if (Has(label, "未") || Has(label, "待") || Has(label, "正在") || label.rfind("在", 0) == 0) return false;
          reached = reached || (i > 0 && Has(label, "已"));
        }
        return reached;
      };
      if (r.sum_low > figures_[total].high && !naming.names_total && !naming.closed && state_reached()) return false;
      if (r.sum_low > figures_[total].high && NearOrSlip(&r, figures_[total].low, figures_[total].high, 1.5, 0)) {
        r.flag = true;
        if (!naming.names_total && !naming.closed) r.certainty = Certainty::kLikely;
      } else if (r.sum_high < figures_[total].low && r.sum_high >= 0.67 * figures_[total].low) {
        r.flag = naming.closed;
      } else if (r.sum_high < figures_[total].low && OneSlipFoots(&r, figures_[total].low, figures_[total].high) &&
                 r.slip_power > 0) {
        // "共节约天然气122.43万立方米，其中甲38万立方米，乙68.33立方米，丙16.1万立方米": a part printed
        // without the 万 or 亿 that the total and every other part carry, with which the set foots,
        // lost that word: the sum falls short by the slip alone. A warning naming the part.
        const Figure& slipped = figures_[r.parts[r.slip_part]];
        const double magnitude = figures_[total].magnitude;
        r.flag = slipped.magnitude * std::pow(10.0, r.slip_power) == magnitude &&
                 std::all_of(r.parts.begin(), r.parts.end(), [&](int p) {
                   return p == r.parts[r.slip_part] || figures_[p].magnitude == magnitude;
                 });
        if (r.flag) r.certainty = Certainty::kLikely;
      }
    }
    if (!r.consistent && !r.flag) return false;
    Add(std::move(r));
    return true;
  };
  // The parts of figure `whole` after the subset word at `subset_at`, read past change clauses (see
  // collect) and, when a change clause ends at a semicolon short of the total, past semicolons too if
  // the longer list then adds up or stays within the total (an open set; a list running past it, as
  // onto another balance after `；`, ends at the semicolon). Empty unless a change clause was passed
  // and the list holds more than `base_size` parts, with no 其中 of its own.
  auto parts_past_changes = [&](int whole, size_t subset_at, size_t base_size, bool* enumerated) {
    const Figure& w = figures_[whole];
    change_clauses = true;
    bool nested = false;
    std::vector<int> parts = collect(subset_at + 1, +1, w, enumerated, &nested);
    const bool passed = passed_change_clause && !late_start;
    if (passed && !nested && stopped_at_semicolon && Stated(RelationKind::kPartsTotal, whole, parts).sum_high < w.low) {
      bool e2 = false, n2 = false;
      through_semicolons = true;
      std::vector<int> longer = collect(subset_at + 1, +1, w, &e2, &n2);
      through_semicolons = false;
      // Parts worded alike that name the total (总行召开…；分行召开…, after 召开…共计) are its list to the
      // sentence's end whatever their sum: the wording, not the arithmetic, says so.
      const bool worded_as_list = collect_reached_sentence_end() && NamingOf(whole, longer).names_total;
      if (!n2 && longer.size() > parts.size() &&
          (worded_as_list || Stated(RelationKind::kSubset, whole, longer).consistent)) {
        parts = std::move(longer);
        *enumerated = e2;
      }
    }
    change_clauses = false;
    if (!passed || nested || parts.size() <= base_size) parts.clear();
    return parts;
  };
  std::set<int> totals_done;
  // "小微企业贷款余额4,788亿元；其中小型企业贷款余额3,213亿元，增幅3%；微型企业贷款余额842亿元，增幅34%": a
  // longer list that neither adds up nor closes its set is an open set — kinds of the total, others
  // unnamed — read whole when its sum stays within the total: a subset of several parts, never flagged
  // (a shortfall is no error). False when the sum exceeds the total: the caller reads the list up to
  // the change, as before. `likely`: the pairing crosses a sentence.
  auto add_open_set = [&](int whole, const std::vector<int>& parts, bool likely, SubsetCue cue) {
    Relation open = Stated(RelationKind::kSubset, whole, parts);
    if (parts.empty() || !open.consistent) return false;
    if (likely) open.certainty = Certainty::kLikely;
    open.cue = cue;
    Add(std::move(open));
    totals_done.insert(whole);
    return true;
  };
  // Each (total, part) a subset the text states, flagged when the part exceeds its total.
  auto add_subsets = [&](const std::vector<std::pair<int, int>>& pairs) {
    for (const auto& [total, part] : pairs) {
      Relation r = Stated(RelationKind::kSubset, total, {part});
      r.flag = !r.consistent;
      totals_done.insert(total);
      Add(std::move(r));
    }
  };
  std::map<int, int> subset_of;  // single 其中 subset -> its total
  std::map<int, int> listed_under;  // a part of a 其中 list of two parts or more -> that list's total
  // The tokens the two passes below act on, in order: every token but text, commas and opening
  // brackets. The first pass reads from figures, subset words and total words only; the second
  // reads a sentence's compositions, enumerations, subset words and figures up to its end (kEnd or
  // kClose). Most tokens are text: both pass over them without a test each.
  std::vector<size_t> acted_on;
  for (size_t t = 0; t < toks.size(); ++t) {
    const Tok type = toks[t].type;
    if (type != Tok::kText && type != Tok::kComma && type != Tok::kOpen) acted_on.push_back(t);
  }
  for (const size_t t : acted_on) {
    if (toks[t].type != Tok::kFact && toks[t].type != Tok::kSubset && toks[t].type != Tok::kTotal) continue;
    // "进入初审共877篇（台湾639篇、海外238篇）": a bracket right after a figure listing parts of its
    // unit, one after another, and nothing else.
    if (const Figure* total = fig(toks[t]); total != nullptr && t + 1 < toks.size() &&
                                            toks[t + 1].type == Tok::kOpen &&
                                            total->kind == ESGAUDIT_FACT_QUANTITY && !total->unit.empty()) {
      long close = matching(static_cast<long>(t + 1));
      std::vector<int> parts;
      bool listed = close > 0;
      bool enumerated = false;
      for (long j = static_cast<long>(t) + 2; listed && j < close; ++j) {
        const Figure* f = fig(toks[j]);
        if (toks[j].type == Tok::kEnum || toks[j].type == Tok::kComma) enumerated = enumerated || !parts.empty();
        if (toks[j].type == Tok::kSubset || toks[j].type == Tok::kTotal || toks[j].type == Tok::kOpen ||
            toks[j].type == Tok::kEnd) {
          listed = false;
        } else if (f != nullptr) {
          listed = same_unit(*f, *total) && !IsChangeLabel(f->label);
          parts.push_back(toks[j].figure);
        }
      }
      if (listed && enumerated && parts.size() >= 2) {
        Relation r = Stated(RelationKind::kPartsTotal, toks[t].figure, parts);
        const Categories cats = CategoriesOf(r.parts);
        // Listed parts may overlap (女性…、党员…) or leave some out: above the total is a warning,
        // an error only for categories of one dimension; below it only when they name them all.
        r.flag = !r.consistent && ((r.sum_low > total->high && NearOrSlip(&r, total->low, total->high)) ||
                                   (r.sum_high < total->low && cats.complete));
        if (!cats.same_dimension && !cats.complete) r.certainty = Certainty::kLikely;
        if (r.consistent || r.flag) {
          totals_done.insert(toks[t].figure);
          Add(std::move(r));
        }
      }
    }
    // "增加义工人数732名至2,446人": an increase by a figure, 至 (到) right after it and the level it
    // reached, of one unit: what was there before is no less than nothing, so the increase is within
    // the level. Not for money (a loss may turn into a profit), percentages or a decrease. An
    // approximate figure on either side makes it a warning.
    if (const Figure* inc = fig(toks[t]); inc != nullptr && token_chars_ != nullptr && t + 2 < toks.size() &&
                                          toks[t + 1].type == Tok::kText &&
                                          ((*token_chars_)[t + 1] == U'至' || (*token_chars_)[t + 1] == U'到') &&
                                          toks[t + 2].type == Tok::kFact) {
      const Figure& level = figures_[toks[t + 2].figure];
      const std::string l = Lower(inc->label);
      const bool increase = (Has(l, "增加") || Has(l, "增长") || Has(l, "新增") || Has(l, "提高") || Has(l, "提升") ||
                             Has(l, "上升") || Has(l, "扩大")) &&
                            !Has(l, "减") && !Has(l, "下降") && !Has(l, "降低");
      if (increase && inc->kind == ESGAUDIT_FACT_QUANTITY && level.kind == ESGAUDIT_FACT_QUANTITY &&
          !inc->unit.empty() && inc->unit == level.unit && !MoneyUnit(inc->unit) && inc->value >= 0 &&
          level.value >= 0) {
        Relation r = Stated(RelationKind::kSubset, toks[t + 2].figure, {toks[t].figure});
        r.cue = SubsetCue::kIncrease;
        if (inc->qualifiers != 0 || level.qualifiers != 0) r.certainty = Certainty::kLikely;
        r.flag = !r.consistent;
        Add(std::move(r));
      }
    }
    // "本集团经营41家百货店及购物中心，分别为29家…百货店及12家…购物中心": a count, its noun, then 分别为
    // (分别是) opening the next clause (or right after the noun) and a list of figures of the count's
    // unit joined by 及 / 和 / 与 / 、 or commas to the sentence's end: the count's parts, one by one.
    // Figures of another unit in the list (销售额分别为…亿元) or of another thing before 分别 (a year, a
    // second count) leave it unread. The parts may leave some out or overlap, so a sum off is a
    // warning unless they name every category of a closed set.
    if (const Figure* whole = fig(toks[t]); whole != nullptr && token_chars_ != nullptr &&
                                            whole->kind == ESGAUDIT_FACT_QUANTITY && !whole->unit.empty() &&
                                            !IsChangeLabel(whole->label)) {
      const std::vector<char32_t>& ch = *token_chars_;
      size_t k = t + 1;
      for (int n = 0; k < toks.size() && n < 20 && (toks[k].type == Tok::kText || toks[k].type == Tok::kEnum) &&
                      ch[k] != U'分';
           ++k, ++n) {
      }
      if (k < toks.size() && toks[k].type == Tok::kComma) ++k;
      const bool respectively = k + 2 < toks.size() && ch[k] == U'分' && (ch[k + 1] == U'别' || ch[k + 1] == U'別') &&
                                (ch[k + 2] == U'为' || ch[k + 2] == U'為' || ch[k + 2] == U'是') && k > t + 1;
      std::vector<int> listed;
      bool joined = true, other = false;
      bool sep = false;  // a joining word or comma since the last part
      for (size_t j = respectively ? k + 3 : toks.size(); j < toks.size() && toks[j].type != Tok::kEnd; ++j) {
        if (toks[j].type == Tok::kOpen) {
          const long m = matching(static_cast<long>(j));
          if (m < 0) break;
          j = static_cast<size_t>(m);
          continue;
        }
        if (toks[j].type == Tok::kSubset || toks[j].type == Tok::kTotal || toks[j].type == Tok::kClose) {
          other = true;
          break;
        }
        if (toks[j].type == Tok::kEnum || toks[j].type == Tok::kComma) sep = true;
        const Figure* f = fig(toks[j]);
        if (f == nullptr) continue;
        if (f->kind != whole->kind || (!same_unit(*f, *whole) && !SameThingsCounted(*f, *whole)) ||
            IsChangeLabel(f->label)) {
          other = true;
          break;
        }
        joined = joined && (listed.empty() || sep);
        listed.push_back(toks[j].figure);
        sep = false;
      }
      if (respectively && !other && joined && listed.size() >= 2) {
        Relation r = Stated(RelationKind::kPartsTotal, toks[t].figure, listed);
        r.flag = !r.consistent && NearOrSlip(&r, whole->low, whole->high);
        if (!CategoriesOf(r.parts).complete) r.certainty = Certainty::kLikely;
        if (r.consistent || r.flag) {
          totals_done.insert(toks[t].figure);
          Add(std::move(r));
        }
      }
    }
    // "拥有售后服务商167家，售后服务网点766个（其中新增售后服务商9家，售后服务网点15个）": a bracket
    // right after the last of two or more totals of different units opens with 其中 and lists one
    // figure per total: each is a subset of the nearest earlier figure of its unit in the sentence,
    // when it names that total's noun (its label's last two characters stand in the total's label, or
    // the nouns after their units share two characters), or, with no words of its own, follows a
    // named part and its total has no words either.
    // The units tell the pairs apart: two parts of one unit leave the bracket to the reading below.
    if (toks[t].type == Tok::kSubset && t >= 2 && toks[t - 1].type == Tok::kOpen && toks[t - 2].type == Tok::kFact) {
      const long close = matching(static_cast<long>(t - 1));
      std::vector<std::pair<int, int>> pairs;  // (total, part)
      bool sure = close > 0;
      std::set<std::string> units;
      for (long j = static_cast<long>(t) + 1; sure && j < close; ++j) {
        if (toks[j].type == Tok::kSubset || toks[j].type == Tok::kTotal || toks[j].type == Tok::kOpen) sure = false;
        const Figure* f = fig(toks[j]);
        if (!sure || f == nullptr || f->kind == ESGAUDIT_FACT_YEAR || f->kind == ESGAUDIT_FACT_DATE) continue;
        if (f->kind != ESGAUDIT_FACT_QUANTITY || f->unit.empty() || MoneyUnit(f->unit) || !units.insert(f->unit).second ||
            Has(f->label, "减") || Has(f->label, "下降")) {
          sure = false;
          continue;
        }
        int total = -1;
        for (long b = static_cast<long>(t) - 2; b >= 0 && toks[b].type != Tok::kEnd; --b) {
          const Figure* g = fig(toks[b]);
          if (g != nullptr && g->kind == ESGAUDIT_FACT_QUANTITY && g->unit == f->unit) {
            total = toks[b].figure;
            break;
          }
        }
        if (total < 0) {
          sure = false;
          continue;
        }
        const Figure& whole = figures_[total];
        const std::u32string stem = HanOf(ToUtf8(LabelStem(f->label)));
        const std::u32string noun = NounAfterUnit(*f), whole_noun = NounAfterUnit(whole);
        bool named = stem.size() >= 2 && HanOf(whole.label).find(stem.substr(stem.size() - 2)) != std::u32string::npos;
        // "辖17个村民小组，890户，4194人（其中…挂钩13个村小组，142户，567人）": the nouns after the units
        // may name the pair (小组); a part with no words of its own after a named pair measures the same
        // thing in another unit when its total has none either.
        for (size_t a = 0; a + 1 < noun.size() && !named; ++a) {
          named = whole_noun.find(noun.substr(a, 2)) != std::u32string::npos;
        }
        named = named || (!pairs.empty() && HanOf(f->label).empty() && noun.empty() && HanOf(whole.label).empty() &&
                          whole_noun.empty());
        sure = named && !IsChangeLabel(whole.label);
        pairs.emplace_back(total, toks[j].figure);
      }
      // The last total is the figure the bracket follows.
      if (sure && pairs.size() >= 2 &&
          std::any_of(pairs.begin(), pairs.end(), [&](const auto& p) { return p.first == toks[t - 2].figure; })) {
        add_subsets(pairs);
        continue;
      }
    }
    // "公司现任10名高管中，女性高管为4名": a count, its noun and 中 (among) close a clause; the next
    // clause's figure, of the count's unit, is a subset of it ("12名员工中有3名": the same in one clause).
    std::vector<int> among_more;
    // AmongSubset reads a figure's token only (-1 for any other): asked of those alone.
    if (int among = toks[t].type == Tok::kFact ? AmongSubset(toks, t, &among_more) : -1; among >= 0) {
      among_more.insert(among_more.begin(), among);
      for (int part : among_more) {
        Relation r = Stated(RelationKind::kSubset, toks[t].figure, {part});
        r.cue = SubsetCue::kAmong;
        r.flag = !r.consistent;
        Add(std::move(r));
      }
    }
    // "发现泄漏点650个，并通过紧固、更换阀门等，对其中的303个泄漏点进行了修复": 其中的 right before a
    // count whose noun repeats the end of an earlier count's label, with clauses of words only between
    // them in the sentence (no figure, at most kWordsBetween tokens): the count is a subset of it.
    if (toks[t].type == Tok::kSubset && token_chars_ != nullptr && t + 2 < toks.size() &&
        toks[t + 1].type == Tok::kText && (*token_chars_)[t + 1] == U'的' && toks[t + 2].type == Tok::kFact) {
      constexpr long kWordsBetween = 40;
      const Figure& part = figures_[toks[t + 2].figure];
      const std::u32string noun = NounAfterUnit(part);
      int whole = -1;
      for (long j = static_cast<long>(t) - 1; j >= 0 && static_cast<long>(t) - j <= kWordsBetween; --j) {
        if (toks[j].type == Tok::kEnd || toks[j].type == Tok::kSubset || toks[j].type == Tok::kTotal) break;
        if (toks[j].type != Tok::kFact) continue;
        const Figure& g = figures_[toks[j].figure];
        const std::u32string stem = HanOf(ToUtf8(LabelStem(g.label)));
        if (g.kind == ESGAUDIT_FACT_QUANTITY && g.unit == part.unit && !part.unit.empty() && !IsChangeLabel(g.label) &&
            noun.size() >= 2 && stem.size() >= 2) {
          // The part's noun opens with the label's last two or three characters (泄漏点).
          for (size_t n = std::min<size_t>(3, stem.size()); n >= 2; --n) {
            if (noun.compare(0, n, stem, stem.size() - n, n) == 0) {
              whole = toks[j].figure;
              break;
            }
          }
        }
        break;  // the nearest figure only
      }
      if (whole >= 0) {
        Relation r = Stated(RelationKind::kSubset, whole, {toks[t + 2].figure});
        r.flag = !r.consistent;
        Add(std::move(r));
        continue;
      }
    }
    // Parts each of the unit of one of several totals before 其中 (see PartsOfTotalsByUnit: none but
    // at a subset word's token, so asked there alone).
    if (toks[t].type == Tok::kSubset) {
      if (const auto by_unit = PartsOfTotalsByUnit(toks, t); !by_unit.empty()) {
        add_subsets(by_unit);
        continue;
      }
    }
    if (toks[t].type == Tok::kSubset) {
      long k = static_cast<long>(t) - 1;
      int ends = 0;
      // "1,200 employees in total, of which": a total marker may stand between.
      bool marker = false;
      int words = 0;
      int passed = 0;  // tokens passed other than bracketed remarks
      while (k >= 0) {
        // "共有员工10465人（含销售类客户经理），其中": a bracketed remark stands between.
        if (toks[k].type == Tok::kClose) {
          long m = matching(k);
          if (m >= 0) {
            k = m - 1;
            continue;
          }
        }
        // "申请专利15,772件（其中…）": the bracket opening the 其中 list separates like a comma.
        if (!(toks[k].type == Tok::kComma || toks[k].type == Tok::kOpen || toks[k].type == Tok::kTotal ||
              ((toks[k].type == Tok::kEnd || toks[k].type == Tok::kClose) && ends++ == 0) ||
              (marker && toks[k].type == Tok::kText && ++words <= 2))) {
          break;
        }
        marker = marker || toks[k].type == Tok::kTotal;
        ++passed;
        --k;
      }
      // "监事会由5名监事组成，其中", "完成305项新品工艺开发项目，其中": words after the total close
      // its clause, up to 20 characters ("10台燃煤机组全部完成超低排放改造，其中": a noun and a verb phrase),
      // a bracketed remark among them.
      // 构成 reads as 组成 there ("由11名董事构成，其中"), though it is a composition token. A bracketed
      // remark may follow the words ("发行了3.5亿股A股（代码：600011），其中"). A conjunction ends the
      // words (it may join another thing to the total: "完成超低排放与节能改造"), except in words saying
      // what an amount is for ("捐赠400万元用于基础设施建设和助学，其中"): it joins two uses of it.
      // Nor does a list of words closed by 等 ("17家下属企业从事浓缩汁加工、出口等业务，其中"): it names
      // what the total does, not another thing.
      auto closed_by_etc = [&](long j) {
        if (token_chars_ == nullptr) return false;
        for (long m = j + 1; m < static_cast<long>(t); ++m) {
          if (toks[m].type != Tok::kText && toks[m].type != Tok::kEnum) return false;
          if (toks[m].type == Tok::kText && (*token_chars_)[m] == U'等') return true;
        }
        return false;
      };
      auto clause_word = [&](long j, bool purpose) {
        if (toks[j].type == Tok::kEnum) {
          return (purpose || closed_by_etc(j)) && j >= 1 && j + 1 < static_cast<long>(t) &&
                 toks[j - 1].type == Tok::kText && toks[j + 1].type == Tok::kText;
        }
        return toks[j].type == Tok::kText || toks[j].type == Tok::kCompose;
      };
      if (k >= 0 && !marker && clause_word(k, false) && passed == 1) {
        for (bool purpose : {false, true}) {
          long j = k;
          for (int n = 0; j >= 0 && n < 20; ++n) {
            // A remark in brackets on the total's noun stands among the words ("有6个单抗品种（10个
            // 适应症）获批中国临床，其中"): passed whole, its figures are no total.
            if (toks[j].type == Tok::kClose) {
              const long m = matching(j);
              if (m < 1 || toks[m - 1].type != Tok::kText) break;
              j = m - 1;
              continue;
            }
            if (!clause_word(j, purpose)) break;
            --j;
          }
          const bool amount_used = j >= 0 && toks[j].type == Tok::kFact && MoneyUnit(figures_[toks[j].figure].unit) &&
                                   token_chars_ != nullptr && j + 2 < static_cast<long>(t) &&
                                   (*token_chars_)[j + 1] == U'用' &&
                                   ((*token_chars_)[j + 2] == U'于' || (*token_chars_)[j + 2] == U'作');
          if (j >= 0 && toks[j].type == Tok::kFact && (!purpose || amount_used)) {
            k = j;
            break;
          }
        }
      }
      // "京东方在全球拥有约4000家供应商，主要分布在中国大陆、韩国等地区。其中材料供应商超过2200家，设备
      // 供应商超过1800家": a clause of words alone (no figure, up to 30 characters, a list closed by 等
      // among them) ends the total's sentence after the total's clause, whose figure has at most six
      // characters after it (the noun its unit counts). 其中 opens the next sentence. The parts so found
      // must be two or more and name the total (checked below, `past_words_clause`).
      bool past_words_clause = false;
      if (k >= 0 && !marker && passed == 1 && toks[k].type != Tok::kFact && clause_word(k, false) &&
          toks[t - 1].type == Tok::kEnd && !toks[t - 1].semicolon) {
        long j = k;
        for (int n = 0; j >= 0 && n < 30 && clause_word(j, false); ++n) --j;
        if (j >= 1 && toks[j].type == Tok::kComma) {
          long w = j - 1;
          for (int n = 0; w >= 0 && n < 6 && toks[w].type == Tok::kText; ++n) --w;
          if (w >= 0 && toks[w].type == Tok::kFact) {
            k = w;
            past_words_clause = true;
          }
        }
      }
      if (k < 0) continue;
      // "…合同制员工为4,600人…。其中合同制员工包括300位管理人员，1,100位技术人员…": a subset word right
      // after a label that alone makes its clause names its total by that label: the nearest earlier
      // figure (on the first part's line or the three lines before it) of the first part's unit whose
      // label ends with it. Parts so found are checked as other parts after 其中.
      if (toks[k].type == Tok::kText && k + 1 == static_cast<long>(t) && token_chars_ != nullptr) {
        long b = k;
        while (b >= 0 && toks[b].type == Tok::kText) --b;
        const long n = k - b;
        const bool opens_clause = b < 0 || toks[b].type == Tok::kSubset || toks[b].type == Tok::kComma ||
                                  toks[b].type == Tok::kEnd;
        long first = -1;
        for (long j = static_cast<long>(t) + 1; j < static_cast<long>(toks.size()) && toks[j].type != Tok::kEnd; ++j) {
          if (fig(toks[j]) != nullptr) {
            first = j;
            break;
          }
        }
        int named = -1, named_rank = 0;
        if (opens_clause && n >= 2 && n <= 12 && first >= 0) {
          std::u32string name;
          for (long j = b + 1; j <= k; ++j) name.push_back((*token_chars_)[j]);
          const Figure& part = figures_[toks[first].figure];
          for (size_t i = 0; i < figures_.size(); ++i) {
            const Figure& g = figures_[i];
            if (g.offset >= part.offset || g.line + 3 < part.line || g.kind != ESGAUDIT_FACT_QUANTITY ||
                g.unit.empty() || g.unit != part.unit || IsChangeLabel(g.label) || PerUnitFigure(g)) {
              continue;
            }
            // A label equal to the name beats one ending with it ("公司合同制员工"); one negating it
            // ("非合同制员工") or naming another post with it names something else (MakesAnotherThing).
            const std::u32string stem = LabelStem(g.label);
            if (stem.size() < name.size() || stem.compare(stem.size() - name.size(), name.size(), name) != 0) continue;
            const size_t before = stem.size() - name.size();
            if (before > 0 && MakesAnotherThing(stem[before - 1])) continue;
            const int rank = before == 0 ? 2 : 1;
            if (rank > named_rank || (rank == named_rank && g.offset > figures_[named].offset)) {
              named = static_cast<int>(i);
              named_rank = rank;
            }
          }
        }
        if (named >= 0 && !totals_done.count(named)) {
          bool enumerated = false, nested = false;
          std::vector<int> parts = collect(t + 1, +1, figures_[named], &enumerated, &nested);
          if (parts.size() >= 2) {
            totals_done.insert(named);
            add_parts_total(named, std::move(parts), enumerated, !nested);
          }
          continue;
        }
      }
      // "码头泊位60个，岸线长度16436米，设计吞吐能力30797万吨，其中集装箱泊位13个、…": when the figure
      // before 其中 is of another unit than the first part, the total is the nearest earlier figure of
      // the sentence in the parts' unit, taken only when the parts name it (泊位).
      if (const Figure* before = fig(toks[k]); before != nullptr) {
        long first = -1;
        for (long j = static_cast<long>(t) + 1; j < static_cast<long>(toks.size()); ++j) {
          if (toks[j].type == Tok::kEnd || toks[j].type == Tok::kClose || toks[j].type == Tok::kSubset) break;
          if (fig(toks[j]) != nullptr) {
            first = j;
            break;
          }
        }
        const Figure* part = first >= 0 ? fig(toks[first]) : nullptr;
        // "完成净利润5,008万元，比上年下降76.92%，其中归属于母公司股东的净利润3,786万元": a change of the
        // figure before it, in a clause of its own words, stands between a total and its 其中. The
        // total is that figure when it is of the parts' unit and 其中 goes on the change's sentence
        // (after "…增长6.67%。其中" the parts may be of an earlier figure of the paragraph).
        // "研发投入11.06亿元，同比增长33.23%。其中，研发费用为7.15亿元，…增长6.67%。其中，制造板块的研发投入
        // 9.63亿元": a 其中 opening the sentence right after a figure and its change (the figure, a
        // bracketed remark allowed, a comma, up to 12 characters of words and the change ending the
        // sentence) opens a part of that figure when the part's label shares two characters with the
        // figure's. When that figure is itself the single part of an earlier 其中, the part is of the
        // earlier total instead where its label names that total (its stem's last two characters)
        // and not the figure: a second 其中 read as of the first total. One part only; the pairing
        // crosses a sentence, so a part above its total is a warning.
        if (part != nullptr && !part->unit.empty() && IsChangeLabel(before->label) && k + 2 == static_cast<long>(t) &&
            toks[k + 1].type == Tok::kEnd && !IsChangeLabel(part->label)) {
          long j = k - 1;
          while (j >= 0 && toks[j].type == Tok::kText && k - j <= 12) --j;
          long g = j >= 1 && j < k - 1 && toks[j].type == Tok::kComma ? j - 1 : -1;
          if (g >= 0 && toks[g].type == Tok::kClose) {
            const long m = matching(g);
            g = m >= 1 ? m - 1 : -1;
          }
          const Figure* gf = g >= 0 ? fig(toks[g]) : nullptr;
          int whole = -1;
          const std::u32string part_han = HanOf(part->label);
          auto stem_end = [&](int figure) {
            const std::u32string stem = HanOf(ToUtf8(LabelStem(figures_[figure].label)));
            return stem.size() >= 2 ? stem.substr(stem.size() - 2) : std::u32string();
          };
          auto names = [&](int figure) {
            const std::u32string end = stem_end(figure);
            return !end.empty() && part_han.find(end) != std::u32string::npos;
          };
          if (gf != nullptr && gf->unit == part->unit && gf->kind == part->kind && !IsChangeLabel(gf->label) &&
              !PerUnitFigure(*gf)) {
            const int gi = toks[g].figure;
            if (auto outer = subset_of.find(gi); outer != subset_of.end()) {
              if (figures_[outer->second].unit == part->unit && names(outer->second) && !names(gi)) whole = outer->second;
            } else {
              const std::u32string g_han = HanOf(gf->label);
              for (size_t a = 0; a + 1 < part_han.size() && whole < 0; ++a) {
                if (g_han.find(part_han.substr(a, 2)) != std::u32string::npos) whole = gi;
              }
            }
          }
          if (whole >= 0) {
            bool enumerated = false, nested = false;
            std::vector<int> parts = collect(t + 1, +1, figures_[whole], &enumerated, &nested);
            if (parts.size() == 1 && !nested && parts[0] == toks[first].figure) {
              // "余额突破6,200亿元，同比增长20.19%。其中，甲类余额突破3,200亿元，同比增长30.1%；乙类余额超过3,000
              // 亿元，同比增长11.2%": parts read past their change clauses are the total's when they add
              // up (the pairing crosses a sentence, so no sum off is read).
              bool e2 = false;
              std::vector<int> longer = parts_past_changes(whole, t, 1, &e2);
              if (!longer.empty() && Stated(RelationKind::kPartsTotal, whole, longer).consistent) {
                totals_done.insert(whole);
                Add(Stated(RelationKind::kPartsTotal, whole, std::move(longer)));
                continue;
              }
              // Parts worded alike naming the total (总行召开…；分行召开…, after 本行召开…共计) are its
              // list whatever their sum: above it they are flagged, as a warning (the pairing crosses a
              // sentence).
              if (!longer.empty() && NamingOf(whole, longer).names_total) {
                Relation r = Stated(RelationKind::kPartsTotal, whole, longer);
                const Figure& wf = figures_[whole];
                r.certainty = Certainty::kLikely;
                r.flag = r.sum_low > wf.high && NearOrSlip(&r, wf.low, wf.high);
                if (r.flag) {
                  totals_done.insert(whole);
                  Add(std::move(r));
                  continue;
                }
              }
              // Parts short of it are an open set's kinds, read whole; a sum above it ends the list at
              // the change, as before.
              if (add_open_set(whole, longer, true, SubsetCue::kOfWhich)) continue;
              subset_of[parts[0]] = whole;
              Relation r = Stated(RelationKind::kSubset, whole, parts);
              r.certainty = Certainty::kLikely;
              r.flag = !r.consistent;
              Add(std::move(r));
              continue;
            }
            // A list is left to the readings below.
          }
        }
        long changed = -1;
        bool same_sentence = true;
        for (long j = k + 1; j < static_cast<long>(t); ++j) same_sentence = same_sentence && toks[j].type != Tok::kEnd;
        // A change in the parts' own unit (培训投入1,560万元，较上年增加260万元，其中线上培训投入420万元) is
        // passed over the same way when the part is no change itself (其中线上培训增加200万元 splits the change).
        if (part != nullptr && !part->unit.empty() && same_sentence && IsChangeLabel(before->label) &&
            (part->unit != before->unit || part->kind != before->kind || !IsChangeLabel(part->label))) {
          long j = k - 1;
          while (j >= 0 && toks[j].type == Tok::kText && k - j <= 12) --j;
          const Figure* g = j >= 1 && j < k - 1 && toks[j].type == Tok::kComma ? fig(toks[j - 1]) : nullptr;
          if (g != nullptr && g->unit == part->unit && g->kind == part->kind && !IsChangeLabel(g->label)) {
            changed = j - 1;
          }
        }
        if (changed >= 0) {
          k = changed;
        } else if (part != nullptr && !part->unit.empty() &&
                   (part->unit != before->unit || part->kind != before->kind)) {
          for (long j = k - 1; j >= 0 && k - j <= 200 && toks[j].type != Tok::kEnd && toks[j].type != Tok::kSubset;
               --j) {
            const Figure* g = fig(toks[j]);
            if (g == nullptr || g->unit != part->unit || g->kind != part->kind) continue;
            bool enumerated = false, nested = false;
            std::vector<int> parts = collect(t + 1, +1, *g, &enumerated, &nested);
            if (parts.size() >= 2 && NamingOf(toks[j].figure, parts).names_total) k = j;
            // The part names the total's noun again after its unit (…管理公募基金46只，资产规模为
            // 974.88亿元，其中本年度内发行11只公募基金): the figure between speaks of the same things.
            auto names_total_after_unit = [&](int part) {
              const std::u32string noun = NounAfterUnit(figures_[part]);
              return noun.size() >= 2 && (EndsWithU(HanOf(g->label), noun) || NounAfterUnit(*g) == noun);
            };
            if (parts.size() == 1 && !nested &&
                (RateClauseBetween(toks, doc_text, j, k, t, parts[0]) ||
                 YearOfRunningTotal(doc_text, toks[j].figure, parts[0]) || names_total_after_unit(parts[0]))) {
              k = j;
            }
            break;
          }
        }
      }
      // "社会贡献值5.2亿元，每股社会贡献值0.81元。其中：净利润1.1亿元；…": a per-unit figure between a
      // total and 其中 is a ratio of that total, not the whole of what follows. The parts are of the
      // nearest earlier figure of its sentence in the first part's unit, taken when its label shares
      // four Han characters with the per-unit figure's (社会贡献): the report names the whole twice.
      // A per-share part after a per-share figure is read below (amounts per share).
      bool after_ratio = false;  // the total was so found
      if (const Figure* ratio = fig(toks[k]); ratio != nullptr && PerUnitFigure(*ratio)) {
        const Figure* part = nullptr;
        for (long j = static_cast<long>(t) + 1; j < static_cast<long>(toks.size()) && part == nullptr; ++j) {
          if (toks[j].type == Tok::kEnd || toks[j].type == Tok::kSubset) break;
          part = fig(toks[j]);
        }
        if (part != nullptr && PlainQuantity(*part) && !PerUnitFigure(*part)) {
          for (long j = k - 1; j >= 0 && k - j <= 200 && toks[j].type != Tok::kEnd && toks[j].type != Tok::kSubset;
               --j) {
            const Figure* g = fig(toks[j]);
            if (g == nullptr || g->kind != part->kind || g->unit != part->unit) continue;
            if (PlainQuantity(*g) && !PerUnitFigure(*g) && SharesFourHan(ratio->label, g->label)) {
              k = j;
              after_ratio = true;
            }
            break;
          }
        }
      }
      const Figure* total = fig(toks[k]);
      if (total == nullptr || total->kind != ESGAUDIT_FACT_QUANTITY || total->unit.empty()) continue;
      const std::string total_label = Lower(total->label);
      // "每股综合价值2.50元，其中每股净利润0.75元，每股纳税额1.75元": amounts per share add up when the
      // total and every part are per share (one denominator); an average or an intensity of a whole
      // is no sum of its groups' averages, so the other per-unit words stay excluded.
      const char* per_share = nullptr;
      for (const char* w : {"每股", "per share"}) {
        if (Has(total_label, w)) per_share = w;
      }
      if (per_share == nullptr && std::any_of(std::begin(kPerUnitWords), std::end(kPerUnitWords),
                                              [&](const char* w) { return Has(total_label, w); })) {
        continue;
      }
      bool enumerated = false, nested = false;
      remark_overlap = false;
      // 其中 and a colon: a list follows (see below).
      const bool colon_list = t + 1 < toks.size() && toks[t + 1].type == Tok::kComma && toks[t + 1].colon;
      colon_clauses = colon_list;
      std::vector<int> parts = collect(t + 1, +1, *total, &enumerated, &nested);
      colon_clauses = false;
      if (past_words_clause && (parts.size() < 2 || !NamingOf(toks[k].figure, parts).names_total)) continue;
      const bool past_shares = passed_share_clause;
      if (parts.empty()) {
        if (const int part = part_past_its_size(k, t); part >= 0) {
          Relation r = Stated(RelationKind::kSubset, toks[k].figure, {part});
          r.flag = !r.consistent;
          Add(std::move(r));
        }
        continue;
      }
      // Parts found past a clause that gave a figure but no part ("实现营业收入1064.7亿元，其中海外收入
      // 约占50%，实现净利润21.4亿元"): the 其中 said its piece there, and a later clause is a statement
      // of its own unless its parts name the total's noun ("共有员工92556人，其中女性员工占52.82%，
      // 少数民族员工3832人").
      if (late_start && !NamingOf(toks[k].figure, parts).names_total) continue;
      if (per_share != nullptr && !std::all_of(parts.begin(), parts.end(), [&](int p) {
            return Has(Lower(figures_[p].label), per_share);
          })) {
        continue;
      }
      long list_end = stopped_at;
      // "融资1529亿元，其中，债券…1284亿元，…股权…231亿元；新三板…14亿元。": parts falling short of their
      // total at a semicolon go on past it when the clauses after it make up the total exactly
      // (the arithmetic, not the semicolon, says the list goes on: a semicolon mostly ends one).
      if (stopped_at_semicolon) {
        Relation before = Stated(RelationKind::kPartsTotal, toks[k].figure, parts);
        if (before.sum_high < total->low) {
          bool e2 = false, n2 = false;
          through_semicolons = true;
          std::vector<int> longer = collect(t + 1, +1, *total, &e2, &n2);
          through_semicolons = false;
          // After a per-unit figure, the whole was named twice before 其中 (see above): a list whose
          // every clause gives a part up to the sentence's end is all of its parts, adding up or not.
          const bool to_end = collect_reached_sentence_end();
          const bool all_parts = after_ratio && to_end && !n2;
          // Clauses numbered (1), (2) … after 其中, one part each, to the sentence's end: the
          // numbering, not the arithmetic, says the list goes on.
          const bool numbered = to_end && !n2 && token_chars_ != nullptr &&
                                NumberedClauses(toks, *token_chars_, figures_, t + 1) == longer.size();
          if (longer.size() > parts.size() &&
              (all_parts || numbered || Stated(RelationKind::kPartsTotal, toks[k].figure, longer).consistent)) {
            parts = std::move(longer);
            enumerated = e2;
            nested = n2;
            list_end = -1;
          }
        }
      }
      // "其中，环保资金投入15.15亿元，重点用于…；节能资金投入10.9亿元，重点用于…。": a list stopped at a
      // clause saying what its part is for goes on past it (and past semicolons) when each further
      // clause opens with a part, the list runs to its sentence's end and the parts name the total
      // (资金投入): the wording, not the arithmetic, says so, and the list is then checked as a sum.
      if (list_end >= 0 && (toks[list_end].type == Tok::kComma || toks[list_end].type == Tok::kEnd)) {
        bool e2 = false, n2 = false;
        through_semicolons = true;
        explained_parts = true;
        std::vector<int> longer = collect(t + 1, +1, *total, &e2, &n2);
        const bool explained = passed_explanation;
        through_semicolons = false;
        explained_parts = false;
        const bool to_end = collect_reached_sentence_end();
        if (explained && to_end && !n2 && longer.size() > parts.size() &&
            NamingOf(toks[k].figure, longer).names_total) {
          parts = std::move(longer);
          enumerated = e2;
          nested = n2;
          list_end = -1;
        }
      }
      // "共受理来信60件，其中A类12件；B、C等共30件；其他18件。": a list stopped short of its total at a
      // semicolon or at a 共 / 共计 goes on past semicolons when a clause total (see collect) was taken on
      // the way, each clause gives a part and the list runs to its sentence's end: the wording, not the
      // arithmetic, says so, and the list is then checked as a sum.
      if (list_end >= 0 &&
          ((toks[list_end].type == Tok::kEnd && toks[list_end].semicolon) ||
           (toks[list_end].type == Tok::kTotal && toks[list_end].gong)) &&
          Stated(RelationKind::kPartsTotal, toks[k].figure, parts).sum_high < total->low) {
        bool e2 = false, n2 = false;
        through_semicolons = true;
        clause_totals = true;
        std::vector<int> longer = collect(t + 1, +1, *total, &e2, &n2);
        const bool summed = passed_clause_total;
        through_semicolons = false;
        clause_totals = false;
        const bool to_end = collect_reached_sentence_end();
        if (summed && to_end && last_clause_gave_part && !n2 && longer.size() >= 2) {
          parts = std::move(longer);
          enumerated = e2;
          nested = n2;
          list_end = -1;
        }
      }
      // "共发放救助资金140万元。其中：救助大病职工40人，救助金额23.9万元；一日捐救助40人，救助金额4万元；…":
      // 其中 and a colon say a list follows. A list stopped at a semicolon goes on to its sentence's end
      // when each clause up to a semicolon gives one part, and no run of its first clauses makes the
      // total unless the whole list does too (clauses after a run that does may begin another
      // breakdown: 其中：男性100人；女性50人；本科80人): the colon, not the arithmetic, says so, and the
      // list is then checked as a sum.
      // "合计发放660.58万元，其中助学帮扶101人次，33.4万元；…帮困829人次，278.48万元；捐助希望小学71.73万元；
      // 社会捐助200万元。": without the colon, the same list when it has three clauses or more, each one
      // part, and no clause names another period or a running span (上年, 同期, 以来, 累计…): two clauses
      // may be a part and a figure of another year (其中扶贫300万元；上年同期捐赠450万元), three clauses
      // of one part each, all of the year, are the list the colon would have announced. No total word
      // may stand in them either (a clause's own 共计 is read by the rule above).
      if (list_end >= 0 && toks[list_end].type == Tok::kEnd && toks[list_end].semicolon) {
        bool e2 = false, n2 = false;
        through_semicolons = true;
        colon_clauses = true;
        std::vector<int> longer = collect(t + 1, +1, *total, &e2, &n2);
        through_semicolons = false;
        colon_clauses = false;
        bool prefix_makes_total = false;
        for (size_t n = 2; n < longer.size() && !prefix_makes_total; ++n) {
          prefix_makes_total = Stated(RelationKind::kPartsTotal, toks[k].figure,
                                      std::vector<int>(longer.begin(), longer.begin() + n)).consistent;
        }
        auto names_another_period = [&]() {
          if (token_chars_ == nullptr) return true;
          const long end = stopped_at < 0 ? static_cast<long>(toks.size()) : stopped_at;
          std::u32string words;
          for (long j = static_cast<long>(t) + 1; j < end && static_cast<size_t>(j) < token_chars_->size(); ++j) {
            if (toks[j].type == Tok::kTotal) return true;  // 累计, 共计…: a clause's own running total
            words.push_back(toks[j].type == Tok::kText ? (*token_chars_)[j] : U' ');
          }
          static const std::u32string_view kOtherPeriod[] = {U"上年", U"去年", U"前年", U"同期", U"同比", U"以来",
                                                             U"年来", U"累计", U"历年", U"往年"};
          return std::any_of(std::begin(kOtherPeriod), std::end(kOtherPeriod),
                             [&](std::u32string_view w) { return words.find(w) != std::u32string::npos; });
        };
        // Parts above the total by one part's value (董事长1名；执行董事2名；非执行董事3名；独立非执行董事5名
        // of 10): that part is counted within another, so a list without the colon is not read on.
        auto over_by_one_part = [&]() {
          const Relation r = Stated(RelationKind::kPartsTotal, toks[k].figure, longer);
          const double over_low = r.sum_low - total->high, over_high = r.sum_high - total->low;
          return over_high > 0 && std::any_of(longer.begin(), longer.end(), [&](int p) {
                   return figures_[p].low <= over_high && figures_[p].high >= over_low;
                 });
        };
        if ((colon_list || (longer.size() >= 3 && !names_another_period() && !over_by_one_part())) &&
            collect_reached_sentence_end() &&
            one_part_a_clause && !n2 && longer.size() > parts.size() && longer.size() >= 2 &&
            (!prefix_makes_total || Stated(RelationKind::kPartsTotal, toks[k].figure, longer).consistent)) {
          parts = std::move(longer);
          enumerated = e2;
          nested = n2;
          list_end = -1;
        }
      }
      // "招聘399人，其中男性294人，其中女性105人": the second 其中 continues the first list; it is not
      // a subset of 294. A 其中 opening a bracket right after the part ("废水企业6家（其中1家水气兼项）")
      // remarks on that part: read as its subset below.
      if (parts.size() >= 2) {
        for (int p : parts) listed_under.emplace(p, toks[k].figure);
      }
      const bool bracketed_of_which = !toks[t].contains && t >= 2 && toks[t - 1].type == Tok::kOpen &&
                                      toks[t - 2].type == Tok::kFact;
      if (auto sib = subset_of.find(toks[k].figure); sib != subset_of.end() && !bracketed_of_which) {
        // "其中：发明专利22项（包括美国专利2项）": 包括 / 包含 opening a bracket right after a part
        // remarks on that part, as a bracket with 含 does; it continues no list.
        if (BracketRemarksOnThePart(toks, t)) continue;
        int outer = sib->second;
        relations_.erase(std::remove_if(relations_.begin(), relations_.end(),
                                        [&](const Relation& o) {
                                          return o.kind == RelationKind::kSubset && o.total == outer &&
                                                 o.parts == std::vector<int>{toks[k].figure};
                                        }),
                         relations_.end());
        std::vector<int> all{toks[k].figure};
        all.insert(all.end(), parts.begin(), parts.end());
        if (figures_[outer].unit == total->unit) add_parts_total(outer, std::move(all), false, true);
        continue;
      }
      // A total opened by 其中 itself is a sibling of these parts, whatever came before it.
      bool sibling = k > 0 && toks[k - 1].type == Tok::kSubset;
      for (long b = k - 1, words = 0; b >= 0 && words <= 8 && toks[b].type == Tok::kText; --b, ++words) {
        sibling = b > 0 && toks[b - 1].type == Tok::kSubset;
        if (sibling) break;
      }
      if (sibling) continue;
      // "营业收入300亿元，其中主营业务收入290亿元，较上年增长10%，其他业务收入10亿元，较上年下降5%": a list
      // that stopped at a change clause goes on past it (see collect). The longer list is taken when
      // its parts make a whole set by the rules for any list after 其中: they add up, or they name
      // every category of a closed set, end with 其他 or are worded alike naming the total (NamingOf; then
      // checked as such a list is). Otherwise the list is read as before, up to the change.
      if (list_end >= 0 && !nested && per_share == nullptr) {
        bool e2 = false;
        std::vector<int> longer = parts_past_changes(toks[k].figure, t, parts.size(), &e2);
        if (!longer.empty() &&
            (Stated(RelationKind::kPartsTotal, toks[k].figure, longer).consistent || CategoriesOf(longer).complete ||
             NamingOf(toks[k].figure, longer).closed || NamingOf(toks[k].figure, longer).names_total) &&
            add_parts_total(toks[k].figure, longer, e2, true,
                            toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich)) {
          totals_done.insert(toks[k].figure);
          continue;
        }
        // A longer list that neither adds up nor closes its set: an open set's kinds when within the
        // total. Above it the list is read up to the change: the clause after the change may count
        // another thing (`…一线职工1,560人，同比增长65%，管理及技术人员940人` of 2,400).
        if (add_open_set(toks[k].figure, longer, false, toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich)) {
          continue;
        }
      }
      totals_done.insert(toks[k].figure);
      if (parts.size() == 1 && CountsAnotherThing(*total, figures_[parts[0]])) continue;
      if (parts.size() == 1) subset_of[parts[0]] = toks[k].figure;
      if (parts.size() == 1) {
        Relation r = Stated(RelationKind::kSubset, toks[k].figure, parts);
        r.cue = toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich;
        r.flag = !r.consistent;
        // "员工80名，其中管理人员10名，技术人员50名，生产人员20名。其中女性30名": a 其中 right after a part of an
        // earlier 其中 list may speak of the earlier total rather than of that part. A part above that
        // figure but not above the earlier total is of the earlier total; above both, of the earlier
        // total, a warning (the reading is inferred). The figure is such a part when the list read it as
        // one (after a semicolon, or a 其中 opening the next sentence), or when it stands in the clause right
        // after a part of the list (…技术人员50名，生产人员20名，其中女性30名: its own 其中 ended the list) and
        // this 其中's part names a category of a known dimension (女性) that no part of the list names. A new
        // total split like the list repeats its kinds and keeps its own 其中 (申请专利55项，其中发明专利16项，
        // 授权专利39项，其中发明专利5项).
        if (!r.consistent) {
          const auto under = listed_under.find(toks[k].figure);
          int outer = under != listed_under.end() ? under->second : -1;
          if (outer < 0) {
            long j = k - 1;
            while (j >= 0 && toks[j].type == Tok::kText) --j;
            long m = j - 1;
            while (m >= 0 && toks[m].type == Tok::kText) --m;
            const auto before = j >= 1 && toks[j].type == Tok::kComma && !toks[j].colon && m >= 0 && toks[m].type == Tok::kFact
                                    ? listed_under.find(toks[m].figure)
                                    : listed_under.end();
            const std::string& part_label = figures_[parts[0]].label;
            if (before != listed_under.end() && Categorise(part_label).first >= 0 &&
                std::none_of(listed_under.begin(), listed_under.end(), [&](const auto& e) {
                  return e.second == before->second && figures_[e.first].label == part_label;
                })) {
              outer = before->second;
            }
          }
          if (outer >= 0 && figures_[outer].unit != total->unit) outer = -1;
          if (outer >= 0) {
            Relation o = Stated(RelationKind::kSubset, outer, parts);
            o.cue = r.cue;
            o.flag = !o.consistent;
            o.certainty = Certainty::kLikely;
            Add(std::move(o));
            continue;
          }
        }
        // "超过5,100人次，其中…超过2,000人次": two open lower bounds (超过, not 余 or 多: a little over)
        // are read up to the next step of their last digit, a convention, not what the words prove: a
        // part above its total so read is a warning. 佘 in a figure's text is OCR's 余 (the fact reader
        // takes it between a figure and its unit only).
        auto open_bound = [](const Figure& f) {
          return (f.qualifiers & ESGAUDIT_QUAL_MORE) && !Has(f.text, "余") && !Has(f.text, "佘") &&
                 !Has(f.text, "多");
        };
        if (open_bound(*total) && open_bound(figures_[parts[0]])) r.certainty = Certainty::kLikely;
        Add(std::move(r));
      } else {
        // "员工总人数90,882人，其中残疾员工413人，少数民族员工4,932人，女性员工19,090人": kinds of the
        // total's noun that neither add up nor are reportable as a sum (they may overlap and leave
        // kinds out) are each a subset of it all the same: none may exceed the total.
        // "在职员工155人，其中本科及以上学历103人，中级以上职称的员工48人": groups of a headcount along
        // different dimensions are so too, named by their dimension rather than the total's noun. The
        // category words alone do not prove a clause counts the staff (当地培训高级职称人才): a group so
        // read above the total is a warning.
        auto add_kinds = [&](const std::vector<int>& kinds) {
          const bool named = NamingOf(toks[k].figure, kinds).names_total;
          if (!named && !GroupsOfAHeadcount(toks[k].figure, kinds)) return false;
          for (int p : kinds) {
            Relation r = Stated(RelationKind::kSubset, toks[k].figure, {p});
            r.cue = toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich;
            r.flag = !r.consistent;
            if (!named) r.certainty = Certainty::kLikely;
            Add(std::move(r));
          }
          return true;
        };
        const bool summed = !remark_overlap && add_parts_total(toks[k].figure, parts, enumerated, !nested,
                                                               toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich);
        // "涉及下属企业47家，其中废气企业42家，废水企业6家（其中1家水气兼项）": parts whose own 其中 says
        // they overlap add up to nothing, yet the first 其中 puts each within the total. Read from
        // where the list ends, a part above the total is a warning. (Groups along two dimensions are
        // not so read: 党员 may count members outside the staff.)
        // A part of the total read from where its list ends: a subset, above the total a warning.
        auto add_read_subset = [&](int part) {
          subset_of[part] = toks[k].figure;
          Relation r = Stated(RelationKind::kSubset, toks[k].figure, {part});
          r.cue = toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich;
          r.certainty = Certainty::kLikely;
          r.flag = !r.consistent;
          Add(std::move(r));
        };
        // A part whose remark names another part (remark_overlap) overlaps it wherever the list ran.
        if (!summed && ((!past_shares && nested) || remark_overlap) && parts.size() >= 2) {
          for (int p : parts) {
            if (!CountsAnotherThing(*total, figures_[p]) && !subset_of.count(p)) add_read_subset(p);
          }
        }
        if (!summed && !past_shares && !nested && !add_kinds(parts)) {
          // "共主持推进技术标准36项，其中发布实施24项，参与项目47项": a list read neither as a sum nor as
          // kinds of the total (a later clause may count something beside the total) still opens
          // with a part of it: the figure of the clause right after 其中, whatever the others are.
          // The reading rests on where the clause ends, so a part above the total is a warning.
          // A count printed with decimals and no multiple (试验总数2.130次) is a thousands separator
          // misread: its value is not the report's.
          auto misread_count = [&](const Figure& f) {
            return f.decimals > 0 && f.magnitude == 1 && IsCountUnit(f.unit);
          };
          if (const int first = FirstClauseFigure(toks, t);
              first == parts.front() && !CountsAnotherThing(*total, figures_[first]) && !misread_count(*total) &&
              !misread_count(figures_[first])) {
            add_read_subset(first);
          }
        }
        // "职工38,655人，其中，生产人员23,461人，占60.69%，技术人员8,429人，占21.81%，行政人员5,720人，占
        // 14.80%": a list past share clauses that neither adds up nor is reportable is the total's parts
        // all the same when each part states its share of the total (StatedShare) and those shares are
        // the parts over it, all but one and at least two: the shares, not the sum, say what the list
        // is. An open set: within the total a subset of several parts (each share then checked by
        // numeric.share-mismatch), above it an error.
        bool by_shares = false;
        if (!summed && past_shares && !remark_overlap && !nested && parts.size() >= 2) {
          size_t stated = 0, agreeing = 0;
          for (int p : parts) {
            const int share = StatedShare(p, toks[k].figure, doc_text);
            if (share < 0) break;
            ++stated;
            agreeing += ShareAgrees(figures_[p], *total, figures_[share]);
          }
          if (stated == parts.size() && agreeing >= 2 && agreeing + 1 >= parts.size()) {
            by_shares = true;
            Relation sum = Stated(RelationKind::kPartsTotal, toks[k].figure, parts);
            if (sum.sum_low > total->high) {
              sum.flag = true;
              Add(std::move(sum));
              totals_done.insert(toks[k].figure);
            } else {
              add_open_set(toks[k].figure, parts, false, toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich);
            }
          }
        }
        // A list taken past a share clause that neither adds up nor is reportable (an open set
        // falling short) is read as before: up to that clause.
        if (!summed && past_shares && !remark_overlap && !by_shares) {
          share_clauses = false;
          bool e2 = false, n2 = false;
          std::vector<int> head = collect(t + 1, +1, *total, &e2, &n2);
          share_clauses = true;
          if (head.size() == 1) {
            subset_of[head[0]] = toks[k].figure;
            Relation r = Stated(RelationKind::kSubset, toks[k].figure, head);
            r.cue = toks[t].contains ? SubsetCue::kIncluding : SubsetCue::kOfWhich;
            r.flag = !r.consistent;
            Add(std::move(r));
          } else if (head.size() >= 2 && !add_parts_total(toks[k].figure, head, e2, !n2) && !n2) {
            add_kinds(head);  // "…女性员工19,090人，分别占员工总数的…%": the shares after the list
          }
        }
      }
      // "董事9名，其中执行董事2名，非执行董事4名，独立董事3名；男性董事6名，女性董事3名": after a
      // list ended by a semicolon, clauses naming every category of a closed set (男 / 女) and the
      // total's counted noun (董事) split the same total another way. Inferred from the wording: a
      // sum off is a warning.
      if (list_end >= 0 && toks[list_end].type == Tok::kEnd && toks[list_end].semicolon) {
        bool e2 = false, n2 = false;
        std::vector<int> split = collect(static_cast<size_t>(list_end) + 1, +1, *total, &e2, &n2);
        if (split.size() >= 2 && !n2 && CategoriesOf(split).complete &&
            NamingOf(toks[k].figure, split).names_total) {
          Relation r = Stated(RelationKind::kPartsTotal, toks[k].figure, std::move(split));
          r.flag = !r.consistent && (NearOrSlip(&r, total->low, total->high) || FarAboveYetOff(r, true));
          r.certainty = Certainty::kLikely;
          if (r.consistent || r.flag) Add(std::move(r));
        }
      }
    } else if (toks[t].type == Tok::kTotal) {
      // The total follows its marker within the clause: 共申请专利89项, 合计: 740人.
      size_t k = t + 1;
      int text = 0;
      while (k < toks.size() && text < 12 &&
             (toks[k].type == Tok::kText || (toks[k].type == Tok::kComma && text == 0))) {
        if (toks[k].type == Tok::kText) ++text;
        ++k;
      }
      if (k >= toks.size()) continue;
      const Figure* total = fig(toks[k]);
      if (total == nullptr || total->kind != ESGAUDIT_FACT_QUANTITY || total->unit.empty()) continue;
      if (totals_done.count(toks[k].figure)) continue;
      bool enumerated = false, nested = false;
      std::vector<int> parts = t > 0 ? collect(t - 1, -1, *total, &enumerated, &nested) : std::vector<int>();
      if (parts.size() >= 2) {
        // "其中一期工程120万吨，二期工程80万吨，合计200万吨": parts from 其中 to a sum word (合计,
        // 总计, 共计; not 累计, which may add up past years) name the whole list: a sum off either way
        // is a warning, as the list may say something else than the total's parts.
        const std::string total_label = Lower(total->label);
        // "会议A 2次，会议B 6次，…，共计28次": a sum word (合计, 总计, 共计) right after parts that
        // are the sentence's only figures also names the whole list; not when a figure before the
        // parts, or a semicolon's clause, may hold a part the list left out.
        auto whole_sentence = [&]() {
          if (!toks[t].sum || stopped_at < 0) return false;
          for (long j = stopped_at; j >= 0; --j) {
            const Token& tk = toks[j];
            if (tk.type == Tok::kEnd) {
              if (!tk.semicolon) return true;
              return false;
            }
            if (tk.type == Tok::kSubset || tk.type == Tok::kTotal) return false;
            const Figure* f = fig(tk);
            if (f != nullptr && f->kind == total->kind &&
                std::find(parts.begin(), parts.end(), tk.figure) == parts.end()) {
              return false;
            }
          }
          return true;
        };
        const bool closed_list =
            stopped_at >= 0 &&
            ((toks[stopped_at].type == Tok::kSubset &&
              std::any_of(std::begin(kSumWords), std::end(kSumWords),
                          [&](const char* w) { return Has(total_label, w); })) ||
             whole_sentence());
        if (closed_list) {
          Relation r = Stated(RelationKind::kPartsTotal, toks[k].figure, std::move(parts));
          r.flag = Reportable(&r, enumerated);
          if (!r.consistent && !r.flag && NearOrSlip(&r, total->low, total->high)) {
            r.flag = true;
            r.certainty = Certainty::kLikely;
          }
          if (r.consistent || r.flag) Add(std::move(r));
          continue;
        }
        add_parts_total(toks[k].figure, std::move(parts), enumerated, false);
        continue;
      }
      // "共有员工7932人（含经纪人），母公司6,835人，全资及控股子公司1,097人": parts after the total
      // without 其中 (a bracketed remark between), taken only when they name every category of a
      // closed set (男 / 女, or 母公司 / 子公司: a group's parent and its subsidiaries); each other
      // clause of the sentence (女性3000人 alone, 党员500人) leaves the set open, and no relation is read.
      std::vector<int> after = collect(k + 1, +1, *total, &enumerated, &nested);
      if (after.size() < 2 || nested) continue;
      bool parent_and_subsidiaries = false;
      if (after.size() == 2) {
        const std::string& a = figures_[after[0]].label;
        const std::string& b = figures_[after[1]].label;
        parent_and_subsidiaries = Has(a, "母公司") && !Has(a, "子公司") && Has(b, "子公司") && !Has(b, "母公司");
      }
      if (!parent_and_subsidiaries && !CategoriesOf(after).complete) continue;
      Relation r = Stated(RelationKind::kPartsTotal, toks[k].figure, after);
      r.flag = !r.consistent && NearOrSlip(&r, total->low, total->high);
      // A group may count staff outside its parent and subsidiaries (an associate, a branch abroad).
      if (parent_and_subsidiaries) r.certainty = Certainty::kLikely;
      if (r.consistent || r.flag) Add(std::move(r));
    }
  }
  FindShareOfBaseSubsets(toks, doc_text);
  // Percentages of one sentence: a composition (构成/结构/分布) or both halves of a closed dimension.
  size_t start = 0;  // acted_on[start] is the first acted-on token of the sentence
  for (size_t a = 0; a <= acted_on.size(); ++a) {
    if (a < acted_on.size() && toks[acted_on[a]].type != Tok::kEnd && toks[acted_on[a]].type != Tok::kClose) continue;
    bool compose = false;
    std::vector<int> pcts;
    bool enum_sep = false;
    // "…的50%，其中77%为畜牧业使用，23%为种植业使用": shares listed after 其中 split the thing the
    // sentence speaks of (not the figure before 其中); a change (同比增长20%) is no share.
    bool after_subset = false;
    bool changes = false;
    bool rate_sentence = false;
    for (size_t ak = start; ak < a; ++ak) {
      const size_t k = acted_on[ak];
      if (toks[k].type == Tok::kCompose && pcts.empty()) compose = true;
      if (toks[k].type == Tok::kCompose) rate_sentence = rate_sentence || toks[k].rate;
      if (toks[k].type == Tok::kEnum && !pcts.empty()) enum_sep = true;
      if (toks[k].type == Tok::kSubset && !after_subset) {
        after_subset = true;
        pcts.clear();
        enum_sep = false;
      }
      const Figure* f = fig(toks[k]);
      if (f != nullptr && f->kind == ESGAUDIT_FACT_PERCENT) {
        pcts.push_back(toks[k].figure);
        changes = changes || IsChangeLabel(f->label);
      }
    }
    start = a + 1;
    if (pcts.size() < 2) continue;
    // Rates per category (男性员工培训覆盖率48%，女性员工培训覆盖率62%; 流失率分布; "Turnover rate: 55%
    // male / 45% female") are not summed.
    if (rate_sentence || RateBefore(doc_text, figures_[pcts[0]].offset) ||
        std::all_of(pcts.begin(), pcts.end(), [&](int p) { return NamesRate(figures_[p].label); })) {
      continue;
    }
    if (after_subset && !compose && !changes) {
      Relation r = Stated(RelationKind::kPercentBreakdown, -1, pcts);
      // Other shares may go unnamed: only a sum above 100% is reported, and as a warning unless
      // the parts name every category of a closed set. A sum far from 100% is no breakdown, unless
      // one share printed with a digit too many explains it (NearHundredOrSlip).
      if (!NearHundredOrSlip(&r)) continue;
      r.flag = !r.consistent && r.sum_low > 100;
      if (!CategoriesOf(r.parts).complete) r.certainty = Certainty::kLikely;
      if (r.consistent || r.flag) Add(std::move(r));
      continue;
    }
    std::set<std::string> cats;
    int dim = -2;
    for (int p : pcts) {
      auto [d, cat] = Categorise(figures_[p].label);
      dim = (d < 0 || (dim != -2 && d != dim)) ? -1 : d;
      if (dim < 0) break;
      cats.insert(cat);
    }
    bool closed_pair = dim >= 0 && Dimensions()[dim].closed && cats.size() == pcts.size();
    if (closed_pair) {
      std::set<std::string> all;
      for (const auto& [printed, cat] : Dimensions()[dim].categories) all.insert(cat);
      closed_pair = all == cats;
    }
    if (!compose && !closed_pair) continue;
    Relation r = Stated(RelationKind::kPercentBreakdown, -1, pcts);
    r.flag = Reportable(&r, enum_sep);
    if (r.consistent || r.flag) Add(std::move(r));
  }
  FindRespectiveShares(toks);
  FindComplementSplits(toks, doc_text);
  FindSubsetsByRepeatedNoun(toks);
  FindSubsetsByQualifiedNoun(toks);
}

// "共受理投诉84件，主要涉及…等，其中已办结80件。尚未办结的有4件。": a total, then after 其中 the one
// part of its sentence, then the next sentence of the same paragraph (no blank line between), whose
// one figure ends it and is the part's complement: its words negate, with 未 (尚未), two characters of
// the part's words that the part does not negate itself (办结 … 未办结), and only filler words (的, 有,
// 为 …) or the part's own characters stand between them and its figure (完成处理 … 未完成处理的有;
// another noun there, 未办结的咨询, counts something else). Part and complement, both of the total's
// unit, are the whole of the total. Between the total and 其中 only words, commas and 、 may stand. The
// complement names the part's verb: a sum off is an error.
template <typename Tokens>
void RelationAnalysis::FindComplementSplits(const Tokens& toks, std::string_view doc_text) {
  if (token_chars_ == nullptr) return;
  const std::vector<char32_t>& chars = *token_chars_;
  const long n = static_cast<long>(toks.size());
  auto han = sdk::IsHan;
  auto plain = [&](int f) { return PlainQuantity(figures_[f]); };
  for (long t = 0; t < n; ++t) {
    if (toks[t].type != Tok::kSubset || toks[t].contains || toks[t].including) continue;
    // The total: the nearest figure before 其中 in its sentence, past words, commas and 、 only.
    long k = t - 1;
    while (k >= 0 && t - k <= 60 &&
           (toks[k].type == Tok::kText || toks[k].type == Tok::kComma || toks[k].type == Tok::kEnum)) {
      --k;
    }
    if (k < 0 || toks[k].type != Tok::kFact || !plain(toks[k].figure)) continue;
    const Figure& total = figures_[toks[k].figure];
    // The one figure of the sentence from token `from` to its end (`*end`, the kEnd or n); -1 when
    // the sentence holds none, or more, or anything but words and commas besides it.
    auto lone_figure = [&](long from, long* end) {
      long at = -1;
      bool clean = true;
      for (*end = from; *end < n && toks[*end].type != Tok::kEnd; ++*end) {
        if (toks[*end].type == Tok::kFact) {
          clean = clean && at < 0;
          at = *end;
        } else if (toks[*end].type != Tok::kText && toks[*end].type != Tok::kComma) {
          clean = false;
        }
      }
      return clean ? at : -1;
    };
    // The part: the one figure of 其中's sentence, which ends with a full stop.
    long end = 0;
    const long a = lone_figure(t + 1, &end);
    if (a < 0 || end >= n || toks[end].semicolon || !plain(toks[a].figure)) continue;
    // The complement: the one figure of the next sentence, ending it.
    long end2 = 0;
    const long b = lone_figure(end + 1, &end2);
    if (b < 0 || b + 1 != end2) continue;
    const int fa = toks[a].figure, fb = toks[b].figure;
    if (!plain(fb) || figures_[fa].unit != total.unit || figures_[fb].unit != total.unit ||
        figures_[fa].kind != total.kind || figures_[fb].kind != total.kind) {
      continue;
    }
    // A blank line between part and complement ends the paragraph (a line break alone may wrap it).
    {
      const uint64_t from = figures_[fa].offset, to = figures_[fb].offset;
      if (to <= from || to > doc_text.size()) continue;
      const std::string_view between = doc_text.substr(from, to - from);
      bool blank = false;
      for (size_t at = between.find('\n'); at != std::string_view::npos && !blank; at = between.find('\n', at + 1)) {
        size_t j = at + 1;
        while (j < between.size() && (between[j] == ' ' || between[j] == '\t' || between[j] == '\r')) ++j;
        blank = j < between.size() && between[j] == '\n';
      }
      if (blank) continue;
    }
    // The part's words (after 其中) and the complement's (its sentence up to its figure).
    std::u32string part_words, comp_words;
    for (long j = t + 1; j < a; ++j) {
      if (toks[j].type == Tok::kText) part_words.push_back(chars[j]);
    }
    for (long j = end + 1; j < b; ++j) {
      if (toks[j].type != Tok::kText) {
        comp_words.clear();  // only the complement's own clause
        continue;
      }
      comp_words.push_back(chars[j]);
    }
    static const std::u32string kFiller = U"的有为為是共计計达達约約余";
    bool complement = false;
    for (size_t i = 0; i + 2 < comp_words.size() && !complement; ++i) {
      if (comp_words[i] != U'未' || !han(comp_words[i + 1]) || !han(comp_words[i + 2])) continue;
      const std::u32string verb = comp_words.substr(i + 1, 2);
      size_t at = part_words.find(verb);
      if (at == std::u32string::npos || (at > 0 && std::u32string(U"未不非无無").find(part_words[at - 1]) != std::u32string::npos)) {
        continue;
      }
      bool filler = true;
      for (size_t j = i + 3; j < comp_words.size(); ++j) {
        filler = filler && (kFiller.find(comp_words[j]) != std::u32string::npos ||
                            part_words.find(comp_words[j]) != std::u32string::npos);
      }
      complement = filler;
    }
    if (!complement) continue;
    // The reading replaces a lone subset of the part already read after 其中; any other reading of
    // the total or the complement stands, and then this one is not made.
    auto lone_subset = [&](const Relation& o) {
      return o.kind == RelationKind::kSubset && o.total == toks[k].figure && o.parts == std::vector<int>{fa};
    };
    if (std::any_of(relations_.begin(), relations_.end(), [&](const Relation& o) {
          return !lone_subset(o) &&
                 (o.total == toks[k].figure || std::count(o.parts.begin(), o.parts.end(), fb) > 0);
        })) {
      continue;
    }
    relations_.erase(std::remove_if(relations_.begin(), relations_.end(), lone_subset), relations_.end());
    Relation r = Stated(RelationKind::kPartsTotal, toks[k].figure, {fa, fb});
    r.flag = !r.consistent;
    Add(std::move(r));
  }
}

// "煤炭、发电、运输、煤化工板块的占比分别为33%、26%、40%和1%": names listed in a clause of words only
// (no figure, no marker, no rate), joined by 、 / 和 / 与 / 及, then a share word (占比, 比例, 比重)
// right before 分别 (为, 是), then exactly as many shares as names, joined the same way, ending the
// clause: the shares of one whole, one per name. The names may overlap or leave some out (本科以上 /
// 硕士以上), so a list is taken only within kPlausible points of 100 % or when one share printed
// with a digit too many makes it whole (NearHundredOrSlip), and a sum above 100 % is a warning.
// Rates (分别 after 增长率, 覆盖率) and changes are no shares. Each share is labelled by its name.
template <typename Tokens>
void RelationAnalysis::FindRespectiveShares(const Tokens& toks) {
  if (token_chars_ == nullptr) return;
  const std::vector<char32_t>& ch = *token_chars_;
  for (size_t t = 2; t + 2 < toks.size(); ++t) {
    if (ch[t] != U'分' || ch[t + 1] != U'别') continue;
    const std::u32string share{ch[t - 2], ch[t - 1]};
    if (share != U"占比" && share != U"比例" && share != U"比重") continue;
    // The names' clause, back to its start.
    size_t names = 0;
    bool words_only = true;
    long b = static_cast<long>(t) - 3;
    for (; b >= 0; --b) {
      const Tok type = toks[b].type;
      if (type == Tok::kComma || type == Tok::kEnd) break;
      if (type == Tok::kEnum) {
        // 与, 和, 及 inside a word (参与, 涉及, 和谐, 及时) join no names.
        const char32_t before = b > 0 ? ch[b - 1] : 0, after = ch[b + 1];
        if (std::u32string_view(U"参给授涉普危顾波惠").find(before) != std::u32string_view::npos ||
            std::u32string_view(U"谐时格").find(after) != std::u32string_view::npos) {
          words_only = false;
          break;
        }
        ++names;
      } else if (type != Tok::kText || ch[b] == U'率' || (ch[b] >= U'0' && ch[b] <= U'9')) {
        words_only = false;
        break;
      }
    }
    if (!words_only || names == 0) continue;
    // The shares.
    size_t k = t + 2;
    if (k < toks.size() && toks[k].type == Tok::kText && (ch[k] == U'为' || ch[k] == U'是')) ++k;
    std::vector<int> pcts;
    bool ok = true;
    for (; k < toks.size(); ++k) {
      const Tok type = toks[k].type;
      if (type == Tok::kComma || type == Tok::kEnd) break;
      const bool expect_figure = pcts.empty() || toks[k - 1].type == Tok::kEnum;
      if (type == Tok::kFact && expect_figure) {
        const Figure& f = figures_[toks[k].figure];
        if (f.kind != ESGAUDIT_FACT_PERCENT || IsChangeLabel(f.label)) ok = false;
        pcts.push_back(toks[k].figure);
      } else if (!(type == Tok::kEnum && !expect_figure)) {
        ok = false;
      }
      if (!ok) break;
    }
    if (!ok || pcts.size() != names + 1 || toks[k - 1].type != Tok::kFact) continue;
    Relation r = Stated(RelationKind::kPercentBreakdown, -1, pcts);
    if (!NearHundredOrSlip(&r)) continue;
    r.flag = !r.consistent && r.sum_low > 100;
    r.certainty = Certainty::kLikely;
    if (!r.consistent && !r.flag) continue;
    // The names, in order, between the clause's start and the share word (a trailing 的 dropped).
    std::vector<std::u32string> labels(1);
    for (size_t n = static_cast<size_t>(b + 1); n + 2 < t; ++n) {
      if (toks[n].type == Tok::kEnum) {
        labels.emplace_back();
      } else {
        labels.back() += ch[n];
      }
    }
    if (labels.size() == pcts.size()) {
      for (size_t i = 0; i < pcts.size(); ++i) {
        if (!labels[i].empty() && labels[i].back() == U'的') labels[i].pop_back();
        if (!labels[i].empty()) figures_[pcts[i]].label = ToUtf8(labels[i]);
      }
    }
    Add(std::move(r));
  }
}

// "账单总量1.61亿封，增幅33.07%；…减少发出纸质账单1.28亿封，折合…2,447吨。其中，纸质账单总量3,286万封": a
// 其中 opening a sentence or a clause after a semicolon, its part's words (between 其中 and the part's
// figure, nothing else between) ending in the noun of an earlier figure of the paragraph, with a
// qualifier of their own before it (纸质 before 账单总量). The total is that earlier figure: of the
// part's unit, its label's Han characters ending in the same four or more Han characters as the part's
// words, the longest such ending alone (two figures ending alike, as a time series does, name no
// total). Neither figure is a change; when the best ending is that of a part after an earlier 其中
// (海外收入 … 其中，欧洲收入), the part may be of that part or a sibling of it, and is read as neither. A
// part another reading paired already is left to it. The pairing crosses figures and clauses, so a part
// above its total is a warning.
template <typename Tokens>
void RelationAnalysis::FindSubsetsByRepeatedNoun(const Tokens& toks) {
  // Four Han characters make a compound noun (账单总量, 贷款余额); two or three are often its head
  // word alone, shared by different things (营销活动, 促销活动).
  constexpr size_t kNounChars = 4;
  if (token_chars_ == nullptr) return;
  const std::vector<char32_t>& ch = *token_chars_;
  const long n = static_cast<long>(toks.size());
  auto han = sdk::IsHan;
  auto plain = [&](int f) { return PlainQuantity(figures_[f]); };
  // Whether the figure at token `j` follows a subset word in its sentence.
  auto after_subset = [&](long j) {
    for (long b = j - 1; b >= 0 && toks[b].type != Tok::kEnd; --b) {
      if (toks[b].type == Tok::kSubset) return true;
    }
    return false;
  };
  for (long t = 1; t + 1 < n; ++t) {
    if (toks[t].type != Tok::kSubset || toks[t].contains || toks[t].including || toks[t - 1].type != Tok::kEnd) {
      continue;
    }
    // The part's words: Han characters only, a comma allowed right after 其中.
    long p = toks[t + 1].type == Tok::kComma ? t + 2 : t + 1;
    std::u32string words;
    for (; p < n && toks[p].type == Tok::kText; ++p) {
      if (han(ch[p])) words.push_back(ch[p]);
    }
    if (p >= n || toks[p].type != Tok::kFact || words.size() < 3) continue;
    const int part = toks[p].figure;
    if (!plain(part) || IsPart(part)) continue;
    int total = -1;
    size_t best = 0;
    bool tie = false;
    for (long j = t - 1; j >= 0; --j) {
      if (toks[j].type != Tok::kFact) continue;
      const int g = toks[j].figure;
      if (!plain(g) || figures_[g].unit != figures_[part].unit) continue;
      const std::u32string stem = HanOf(ToUtf8(LabelStem(figures_[g].label)));
      size_t common = 0;
      while (common < stem.size() && common < words.size() &&
             stem[stem.size() - 1 - common] == words[words.size() - 1 - common]) {
        ++common;
      }
      if (common < kNounChars || common >= words.size()) continue;
      if (common > best) {
        total = after_subset(j) ? -1 : g;
        best = common;
        tie = false;
      } else if (common == best) {
        tie = true;
      }
    }
    if (total < 0 || tie) continue;
    Relation r = Stated(RelationKind::kSubset, total, {part});
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
}

// "实施各类培训项目150期，现场培训项目34期", "公司累计授权量3,636项，发明专利授权量543项": a figure
// whose clause follows another's right after its comma (nothing but words between the two figures)
// and names that figure's noun with a qualifier of its own before it (现场 before 培训项目): a subset
// of it, no 其中 needed. The total's noun is the qualified noun's ending, three Han characters or
// more (two are often a head word alone, 投诉 of 有效投诉 and 重复投诉), and the other words of the
// total's clause qualify nothing: none, a word of the whole (各类, 累计, 全部 …) or a verb of doing or
// holding (实施, 开展, 拥有 …). Another qualifier there (中央企业技术能手 against 电力行业技术能手) makes
// two kinds side by side. Not read: a part's qualifier holding a verb or a scope of its own (向长治市申报,
// 各产业开展, 受理中: a parallel clause, not a kind), a period (新增, 当年: the running totals' reader
// pairs a year's figure with a running total), a figure (2013年发电量: a series), a word of another
// flow or measure (循环用水量 and 重复用水量 exceed the water taken; 人均, 平均, 单位 and 率 are ratios;
// 累计 and 历年 count past years; 计划, 目标, 预计 are no outcome) or of an allocation (归属于母公司的
// 净利润 may exceed the group's); a change or a per-unit figure; two units or magnitudes; and a part
// another reading paired already. Read from the wording, so Likely: a part above its total is a
// warning.
template <typename Tokens>
void RelationAnalysis::FindSubsetsByQualifiedNoun(const Tokens& toks) {
  constexpr size_t kNounChars = 3;
  if (token_chars_ == nullptr) return;
  const std::vector<char32_t>& ch = *token_chars_;
  const long n = static_cast<long>(toks.size());
  auto usable = [&](int f) {
    const Figure& g = figures_[f];
    return PlainQuantity(g) && !PerUnitFigure(g) && g.value > 0;
  };
  auto ends_with = [](const std::u32string& s, std::u32string_view w) {
    return s.size() >= w.size() && std::u32string_view(s).substr(s.size() - w.size()) == w;
  };
  auto holds = [](const std::u32string& s, std::initializer_list<std::u32string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::u32string_view w) { return s.find(w) != s.npos; });
  };
  // The Han characters of the words right before token `end` back to the clause's opening; false
  // when `digits` is false and a digit stands there (a part's year: a series' label; a year in the
  // total's clause dates the sentence).
  auto clause_words = [&](long end, bool digits, long* opening, std::u32string* out) {
    long c = end - 1;
    for (; c >= 0 && toks[c].type == Tok::kText; --c) {
      if (!digits && ch[c] >= U'0' && ch[c] <= U'9') return false;
      if (sdk::IsHan(ch[c])) out->insert(out->begin(), ch[c]);
    }
    *opening = c;
    return true;
  };
  const std::initializer_list<std::u32string_view> kWhole = {U"各类", U"各项", U"各种", U"累计", U"累积", U"全年",
                                                            U"全部", U"所有", U"总", U"共", U"共计", U"合计"};
  const std::initializer_list<std::u32string_view> kBodies = {U"公司", U"集团", U"企业", U"本行", U"全行", U"单位"};
  // Verbs that open a clause on the whole (申报, 申请, 受理 also name a kind: 申报挂牌企业 beside 储备挂牌企业).
  const std::initializer_list<std::u32string_view> kVerbs = {U"实施", U"开展", U"举办", U"举行", U"组织", U"完成",
                                                            U"拥有", U"共有", U"现有", U"收到", U"获得", U"有"};
  for (long p = 2; p < n; ++p) {
    if (toks[p].type != Tok::kFact) continue;
    long c = -1;
    std::u32string words;
    if (!clause_words(p, false, &c, &words) || c < 1 || toks[c].type != Tok::kComma || toks[c - 1].type != Tok::kFact) {
      continue;
    }
    const int part = toks[p].figure, total = toks[c - 1].figure;
    const Figure& fp = figures_[part];
    const Figure& ft = figures_[total];
    if (!usable(part) || !usable(total) || fp.unit != ft.unit || fp.magnitude != ft.magnitude || IsPart(part)) {
      continue;
    }
    long o = -1;
    std::u32string stem;
    if (!clause_words(c - 1, true, &o, &stem)) continue;
    // Words between a noun and its figure name no noun (总资产为 / 净资产为 share 资产 only).
    for (std::u32string* s : {&stem, &words}) {
      for (bool cut = true; cut;) {
        cut = false;
        for (std::u32string_view w : {U"人民币", U"为", U"达到", U"达", U"约", U"是", U"共计", U"合计", U"总计",
                                      U"共", U"计", U"超过", U"逾", U"近", U"了"}) {
          if (ends_with(*s, w)) {
            s->resize(s->size() - w.size());
            cut = true;
          }
        }
      }
    }
    size_t common = 0;
    while (common < stem.size() && common < words.size() &&
           stem[stem.size() - 1 - common] == words[words.size() - 1 - common]) {
      ++common;
    }
    if (common < kNounChars || common >= words.size()) continue;
    // A noun opening with the reporter (公司员工) qualified by another body (下属子公司员工) counts that
    // body's things, not a kind of the reporter's.
    const std::u32string noun = words.substr(words.size() - common);
    if (std::any_of(kBodies.begin(), kBodies.end(), [&](auto w) { return noun.rfind(w, 0) == 0; })) continue;
    const std::u32string before = stem.substr(0, stem.size() - common);
    const std::u32string qualifier = words.substr(0, words.size() - common);
    // A qualifier ending in a negation or a rank (非执行董事 beside 执行董事, 未整改项目 beside 整改项目, 副总经理
    // beside 总经理) names the noun's complement or another post, never a kind of it.
    if (!qualifier.empty() && MakesAnotherThing(qualifier.back())) continue;
    const bool plain_total = before.empty() ||
                             std::any_of(kWhole.begin(), kWhole.end(), [&](auto w) { return ends_with(before, w); }) ||
                             std::any_of(kVerbs.begin(), kVerbs.end(), [&](auto w) { return ends_with(before, w); });
    if (!plain_total || holds(qualifier, kVerbs) || holds(qualifier, kWhole) ||
        holds(qualifier, {U"新增", U"当年", U"本年", U"年内", U"今年", U"本期", U"报告期", U"申报", U"申请", U"受理", U"各", U"全", U"向", U"对", U"在", U"中", U"循环", U"重复", U"回用", U"复用", U"人均",
                          U"平均", U"单位", U"每", U"历年", U"以来", U"同比", U"上年", U"去年", U"计划", U"目标",
                          U"预计", U"比例", U"占比", U"率", U"归属", U"归母"})) {
      continue;
    }
    Relation r = Stated(RelationKind::kSubset, total, {part});
    r.certainty = Certainty::kLikely;
    r.flag = !r.consistent;
    Add(std::move(r));
  }
}

}  // namespace esgaudit::numeric
