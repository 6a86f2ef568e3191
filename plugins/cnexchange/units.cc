#include "units.h"

#include <esgaudit/text.h>

#include <algorithm>
#include <cmath>

namespace esgaudit::cnexchange {
namespace {

struct UnitEntry {
  std::string_view printed;
  std::string_view dimension;
  std::string_view base;
  double factor;
};

// Printed units on the NFKC matching view (m³ reads m3 there). Longer printed forms first where
// one is the other's suffix after a magnitude ("千瓦时" before a 千 prefix is tried).
constexpr UnitEntry kUnits[] = {
    {"吨二氧化碳当量", "emissions", "tCO2e", 1}, {"tCO2e", "emissions", "tCO2e", 1},
    {"吨标准煤", "energy", "tce", 1}, {"吨标煤", "energy", "tce", 1}, {"tce", "energy", "tce", 1},
    {"tCE", "energy", "tce", 1}, {"千瓦时", "energy", "kWh", 1}, {"kWh", "energy", "kWh", 1},
    {"度", "energy", "kWh", 1}, {"兆瓦时", "energy", "kWh", 1e3}, {"MWh", "energy", "kWh", 1e3},
    {"GWh", "energy", "kWh", 1e6}, {"TWh", "energy", "kWh", 1e9}, {"吉焦", "energy", "GJ", 1},
    {"GJ", "energy", "GJ", 1}, {"兆焦", "energy", "GJ", 1e-3}, {"MJ", "energy", "GJ", 1e-3},
    {"太焦", "energy", "GJ", 1e3}, {"TJ", "energy", "GJ", 1e3}, {"PJ", "energy", "GJ", 1e6},
    {"吨", "mass", "t", 1}, {"公吨", "mass", "t", 1}, {"t", "mass", "t", 1},
    {"tonnes", "mass", "t", 1}, {"tons", "mass", "t", 1}, {"kt", "mass", "t", 1e3},
    {"Mt", "mass", "t", 1e6}, {"千克", "mass", "t", 1e-3}, {"公斤", "mass", "t", 1e-3},
    {"kg", "mass", "t", 1e-3}, {"立方米", "volume", "m3", 1}, {"m3", "volume", "m3", 1},
    {"方", "volume", "m3", 1}, {"标方", "volume", "m3", 1}, {"Nm3", "volume", "m3", 1},
    {"升", "volume", "m3", 1e-3}, {"L", "volume", "m3", 1e-3}, {"小时", "time", "h", 1},
    {"工时", "time", "h", 1}, {"h", "time", "h", 1}, {"hours", "time", "h", 1},
    {"hrs", "time", "h", 1}, {"学时", "time", "学时", 1}, {"课时", "time", "学时", 1},
    {"天", "time", "day", 1}, {"days", "time", "day", 1}, {"人", "count", "person", 1},
    {"名", "count", "person", 1}, {"people", "count", "person", 1},
    {"persons", "count", "person", 1}, {"人次", "count", "person-time", 1},
    {"起", "count", "case", 1}, {"例", "count", "case", 1}, {"件", "count", "case", 1},
    {"次", "count", "time", 1}, {"场", "count", "session", 1}, {"期", "count", "session", 1},
    {"元", "money", "yuan", 1}, {"%", "ratio", "%", 1},
};

struct Prefix {
  std::string_view printed;
  double factor;
};

constexpr Prefix kPrefixes[] = {{"亿", 1e8}, {"千万", 1e7}, {"百万", 1e6}, {"十万", 1e5}, {"万", 1e4},
                                {"千", 1e3}, {"百", 1e2}};

const UnitEntry* Find(std::string_view s) {
  for (const UnitEntry& u : kUnits)
    if (u.printed == s) return &u;
  return nullptr;
}

// Removes "单位:"/"unit:" and enclosing brackets, and every space.
std::string Normalise(std::string_view text) {
  std::string s;
  for (char c : text)
    if (c != ' ' && c != '\t') s.push_back(c);
  bool changed = true;
  while (changed && !s.empty()) {
    changed = false;
    if (s.size() >= 2 && s.front() == '(' && s.back() == ')') {
      s = s.substr(1, s.size() - 2);
      changed = true;
    }
    for (std::string_view p : {"单位:", "Unit:", "unit:", "UNIT:", "单位", "Unit", "unit"}) {
      if (s.size() > p.size() && s.compare(0, p.size(), p) == 0) {
        s.erase(0, p.size());
        changed = true;
        break;
      }
    }
  }
  return s;
}

Unit Numerator(std::string_view s) {
  Unit u;
  if (s.empty()) return u;
  if (const UnitEntry* e = Find(s)) {
    u.dimension = std::string(e->dimension);
    u.base = std::string(e->base);
    u.factor = e->factor;
    return u;
  }
  for (const Prefix& p : kPrefixes) {
    if (s.size() <= p.printed.size() || s.substr(0, p.printed.size()) != p.printed) continue;
    const UnitEntry* e = Find(s.substr(p.printed.size()));
    if (e == nullptr || e->base == "%") continue;
    u.dimension = std::string(e->dimension);
    u.base = std::string(e->base);
    u.factor = e->factor * p.factor;
    return u;
  }
  return u;
}

}  // namespace

bool Unit::SameAs(const Unit& other) const {
  if (base != other.base) return false;
  if (std::fabs(factor - other.factor) > 1e-9 * std::max(factor, other.factor)) return false;
  return denominator.empty() || other.denominator.empty() || denominator == other.denominator;
}

Unit ParseUnit(std::string_view text) {
  const std::string s = Normalise(text);
  std::string_view numerator = s;
  std::string_view denominator;
  for (std::string_view sep : {"/", "每", "per"}) {
    size_t at = numerator.find(sep);
    if (at == std::string_view::npos || at == 0) continue;
    denominator = numerator.substr(at + sep.size());
    numerator = numerator.substr(0, at);
    break;
  }
  Unit u = Numerator(numerator);
  if (!u.known()) return Unit();
  if (!denominator.empty()) {
    // A denominator is free text within reason ("人", "万元营收", "百万工时", "单位产品").
    if (sdk::CodePointCount(denominator) > 8) return Unit();
    u.denominator = std::string(denominator);
  }
  return u;
}

std::string_view BracketUnit(std::string_view label) {
  label = sdk::Trim(label);
  if (label.empty() || label.back() != ')') return std::string_view();
  size_t open = label.rfind('(');
  if (open == std::string_view::npos) return std::string_view();
  std::string_view inner = label.substr(open + 1, label.size() - open - 2);
  return ParseUnit(inner).known() ? inner : std::string_view();
}

}  // namespace esgaudit::cnexchange
