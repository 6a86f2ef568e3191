#include "scope_entities_mismatch_rule.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <string>
#include <vector>

#include "analysis.h"

namespace esgaudit::gbt36001 {
namespace {

using sdk::Contains;

// "及其下属企业" covers every subsidiary unless the statement then lists them.
bool GenericScope(std::string_view scope) {
  static const char* kGeneric[] = {"下属",     "所属",         "旗下",   "附属",     "控股",
                                   "全资",     "分子公司",     "各单位", "成员企业", "成员单位",
                                   "分支机构", "合并报表范围", "各企业"};
  static const char* kList[] = {"包括", "包含", "分别为", "如下", "名单"};
  bool generic = std::any_of(std::begin(kGeneric), std::end(kGeneric),
                             [&](const char* w) { return Contains(scope, w); });
  bool listed = std::any_of(std::begin(kList), std::end(kList),
                            [&](const char* w) { return Contains(scope, w); });
  return generic && !listed;
}

// Company names ending in 有限公司/分公司/有限责任公司 in the scope statement, read back to a
// delimiter.
std::vector<std::string> CompanyNames(const std::string& text) {
  static const std::u32string kDelims = U",;:。、《》“”\" 及和与为以括含盖对即";
  static const char* kSuffixes[] = {"有限公司", "分公司", "有限责任公司"};
  std::vector<std::string> out;
  for (const char* suffix : kSuffixes) {
    for (size_t at = text.find(suffix); at != std::string::npos; at = text.find(suffix, at + 1)) {
      size_t end = at + std::string_view(suffix).size();
      size_t begin = at;
      while (begin > 0) {
        size_t prev = sdk::PrevCodePointStart(text, begin);
        size_t probe = prev;
        if (kDelims.find(sdk::NextCodePoint(text, &probe)) != std::u32string::npos) break;
        begin = prev;
      }
      std::string name = text.substr(begin, end - begin);
      if (name.size() >= 15 && std::find(out.begin(), out.end(), name) == out.end())
        out.push_back(name);
    }
  }
  return out;
}

}  // namespace

void ScopeEntitiesMismatchRule::Check(const sdk::Document& doc, const sdk::Context& ctx) {
  const Analysis& a = ctx.Shared<Analysis>(doc);
  const Evidence* scope = a.scope();
  if (!scope || a.abbreviations().empty()) return;
  const std::string& text = a.scope_text();
  uint64_t scope_begin = a.TextOffset(scope->begin);
  uint64_t scope_len = a.TextOffset(scope->end) - scope_begin;
  std::vector<std::string> named = CompanyNames(text);
  // The first company of the statement is the reporting company itself.
  std::string reporter = named.empty() ? std::string() : named.front();
  if (!GenericScope(text)) {
    for (const Abbreviation& ab : a.abbreviations()) {
      if (ab.full == reporter || Contains(text, ab.full)) continue;
      bool named = false;
      for (size_t from = 0; from <= ab.short_name.size();) {  // each alias of "甲、乙"
        size_t sep = ab.short_name.find("、", from);
        std::string alias =
            ab.short_name.substr(from, sep == std::string::npos ? std::string::npos : sep - from);
        if (!alias.empty() && Contains(text, alias)) named = true;
        if (sep == std::string::npos) break;
        from = sep + std::string_view("、").size();
      }
      if (named) continue;
      sdk::Finding f = NewFinding();
      f.severity = ESGAUDIT_WARNING;
      f.message = a.English() ? "\"" + ab.short_name +
                                    "\" in the abbreviations table is not in the report scope"
                              : "企业称谓说明中的“" + ab.short_name + "”不在报告范围内";
      f.offset = a.TextOffset(ab.where.begin);
      f.length = a.TextOffset(ab.where.end) - f.offset;
      f.evidence = ab.where.quote;
      f.references = {"GB/T 36001-2015 7 [U]"};
      f.related.push_back({scope_begin, scope_len, scope->quote});
      ctx.Report(f);
    }
  }
  for (size_t i = 1; i < named.size(); ++i) {
    const std::string& name = named[i];
    bool listed = std::any_of(
        a.abbreviations().begin(), a.abbreviations().end(), [&](const Abbreviation& ab) {
          return ab.full == name || Contains(name, ab.full) || Contains(ab.full, name);
        });
    if (listed) continue;
    sdk::Finding f = NewFinding();
    f.severity = ESGAUDIT_WARNING;
    f.message = a.English()
                    ? "\"" + name + "\" in the report scope is missing from the abbreviations table"
                    : "报告范围中的“" + name + "”未列入企业称谓说明";
    f.offset = scope_begin;
    f.length = scope_len;
    f.evidence = scope->quote;
    f.references = {"GB/T 36001-2015 7 [U]"};
    if (const Evidence* h = a.abbreviations_heading()) {
      uint64_t b = a.TextOffset(h->begin);
      f.related.push_back({b, a.TextOffset(h->end) - b, h->quote});
    }
    ctx.Report(f);
  }
}

}  // namespace esgaudit::gbt36001
