#include "catalogue.h"

#include <algorithm>
#include <cstdlib>
#include <utility>

#include <esgaudit/plugin.h>

#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>

namespace esgaudit::gri {
namespace {

namespace pt = boost::property_tree;

std::vector<std::string> Strings(const pt::ptree& tree, const char* key, bool lower) {
  std::vector<std::string> out;
  if (auto child = tree.get_child_optional(key)) {
    for (const auto& item : *child)
      out.push_back(lower ? AsciiLower(item.second.data()) : item.second.data());
  }
  return out;
}

}  // namespace

std::string AsciiLower(std::string s) {
  // Every byte written, a select rather than a branch: the loop vectorises (the whole view is
  // lower-cased once per report).
  for (char& c : s) c = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  return s;
}

std::shared_ptr<const Catalogue> Catalogue::ForDocument(const sdk::Document& doc) {
  std::string path = doc.RulesFile("gri/catalogue.json");
  if (path.empty())
    throw sdk::ConfigError("gri catalogue \"gri/catalogue.json\" not found in the rule directories");
  return sdk::CachedRuleData<Catalogue>({path}, [&] { return Load(path); });
}

Catalogue Catalogue::Load(const std::string& path) {
  pt::ptree root;
  try {
    pt::read_json(path, root);
  } catch (const pt::ptree_error& e) {
    throw sdk::ConfigError("gri catalogue \"" + path + "\": " + e.what());
  }
  Catalogue c;
  try {
    for (const auto& item : root.get_child("disclosures")) {
      const pt::ptree& t = item.second;
      Disclosure d;
      d.id = t.get<std::string>("id");
      d.standard = t.get<std::string>("standard");
      d.title = t.get<std::string>("title");
      d.title_zh = t.get<std::string>("title_zh");
      d.effective = t.get<std::string>("effective");
      d.status = t.get<std::string>("status", "");
      d.patterns = Strings(t, "zh", true);
      for (std::string& p : Strings(t, "en", true)) d.patterns.push_back(std::move(p));
      d.with = Strings(t, "with", true);
      d.with_units = Strings(t, "with_units", true);
      if (auto data = t.get_child_optional("data")) {
        for (const auto& need : *data) {
          DataNeed n;
          n.labels = Strings(need.second, "labels", true);
          n.kinds = Strings(need.second, "kinds", false);
          n.units = Strings(need.second, "units", true);
          n.unless = Strings(need.second, "unless", true);
          if (n.labels.empty()) throw sdk::ConfigError("data point without labels");
          d.data.push_back(std::move(n));
        }
      }
      if (d.patterns.empty()) throw sdk::ConfigError("disclosure \"" + d.id + "\" has no patterns");
      if (!c.by_id_.emplace(d.id, static_cast<int>(c.disclosures_.size())).second) {
        throw sdk::ConfigError("duplicate disclosure \"" + d.id + "\"");
      }
      c.disclosures_.push_back(std::move(d));
    }
    for (const auto& item : root.get_child("legacy")) {
      const pt::ptree& t = item.second;
      LegacyId l;
      l.id = t.get<std::string>("id");
      l.edition = t.get<std::string>("edition");
      l.title = t.get<std::string>("title", "");
      l.successors = Strings(t, "successors", false);
      c.legacy_[l.id] = std::move(l);
    }
    for (std::string& id : Strings(root, "core_2016", false)) c.core_2016_.insert(std::move(id));
    c.core_2016_legacy_ = Strings(root, "core_2016_legacy", false);
    for (const std::string& id : c.core_2016_legacy_) {
      if (!c.legacy_.count(id))
        throw sdk::ConfigError("core_2016_legacy names unknown legacy id \"" + id + "\"");
    }
  } catch (const sdk::ConfigError& e) {
    throw sdk::ConfigError("gri catalogue \"" + path + "\": " + e.what());
  } catch (const pt::ptree_error& e) {
    throw sdk::ConfigError("gri catalogue \"" + path + "\": " + e.what());
  }
  if (c.disclosures_.empty())
    throw sdk::ConfigError("gri catalogue \"" + path + "\": no disclosures");
  // Each 2016 legacy id under every id it names as a successor (once, however often it names it), in
  // the legacy table's order, then in numeric order: 102-6 before 102-10.
  for (const auto& [legacy_id, l] : c.legacy_) {
    if (legacy_id.rfind("G4", 0) == 0 || l.edition.find("2016") == std::string::npos) continue;
    for (const std::string& successor : std::set<std::string>(l.successors.begin(), l.successors.end()))
      c.predecessors_2016_[successor].push_back(legacy_id);
  }
  auto key = [](const std::string& s) {
    size_t dash = s.find('-');
    return std::make_pair(std::atoi(s.c_str()), std::atoi(s.c_str() + dash + 1));
  };
  for (auto& [id, out] : c.predecessors_2016_)
    std::stable_sort(out.begin(), out.end(), [&](const std::string& x, const std::string& y) { return key(x) < key(y); });
  return c;
}

const Disclosure* Catalogue::Find(const std::string& id) const {
  int i = IndexOf(id);
  return i < 0 ? nullptr : &disclosures_[static_cast<size_t>(i)];
}

int Catalogue::IndexOf(const std::string& id) const {
  auto it = by_id_.find(id);
  return it == by_id_.end() ? -1 : it->second;
}

const std::vector<std::string>& Catalogue::Predecessors2016(const std::string& id) const {
  static const std::vector<std::string> kNone;
  auto it = predecessors_2016_.find(id);
  return it == predecessors_2016_.end() ? kNone : it->second;
}

int EffectiveYear(const std::string& date) {
  if (date.size() < 4 ||
      !std::all_of(date.begin(), date.begin() + 4, [](char ch) { return ch >= '0' && ch <= '9'; }))
    return 0;
  return std::stoi(date.substr(0, 4));
}

const LegacyId* Catalogue::FindLegacy(const std::string& id) const {
  auto it = legacy_.find(id);
  return it == legacy_.end() ? nullptr : &it->second;
}

}  // namespace esgaudit::gri
