// Structured KPI data (--data): JSON, XML and INI through Boost.PropertyTree, CSV through a small
// RFC 4180 reader (Boost has none). The layout is documented in docs/kpi-data.md.
#include <algorithm>
#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "esgaudit/kpi.h"
#include "esgaudit/units.h"

namespace esgaudit {
namespace {

namespace pt = boost::property_tree;

// A unit KPI data may carry: one the report's fact reader reads, or one of sdk::kDataOnlyUnits,
// maybe after a magnitude (万, 亿, ...). The one table keeps the data and the report in agreement:
// a KPI in any unit the reader reads (处, 股, 对 ...) compares with the report's figures.
bool KnownUnit(std::string_view unit) {
  static const char* const kPrefixes[] = {"万亿", "百万", "十万", "千万", "万", "亿", "千", "百"};
  if (sdk::FindUnitForm(unit) != nullptr) return true;
  for (const char* p : kPrefixes) {
    std::string_view prefix(p);
    if (unit.size() > prefix.size() && unit.substr(0, prefix.size()) == prefix &&
        sdk::FindUnitForm(unit.substr(prefix.size())) != nullptr) {
      return true;
    }
  }
  return false;
}

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

// "12375", "-3.5", "1.2e3", "12,375" (comma groups of three). False for anything else.
bool ParseNumber(const std::string& raw, double* out) {
  std::string s = Trim(raw);
  if (s.empty()) return false;
  if (s.find(',') != std::string::npos) {
    size_t start = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    size_t end = std::min(s.find('.'), s.size());
    size_t group = 0;
    bool first = true;
    for (size_t i = start; i <= end; ++i) {
      if (i == end || s[i] == ',') {
        if ((first && (group == 0 || group > 3)) || (!first && group != 3)) return false;
        first = false;
        group = 0;
      } else {
        ++group;
      }
    }
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
  }
  for (char c : s) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '+' ||
          c == 'e' || c == 'E')) {
      return false;
    }
  }
  errno = 0;
  char* end = nullptr;
  double v = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || errno == ERANGE || !std::isfinite(v)) return false;
  *out = v;
  return true;
}

std::string ReadAll(std::ifstream& in) {
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

int LineAt(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(
                 std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

// Finds the line where a record is written by searching its path components in order, each after
// the previous one (PropertyTree keeps no positions). `open`/`close` quote a component as it
// appears in the file format ("\"key\"" for JSON, "[key]" for INI sections ...). Returns 0 when not
// found.
class Locator {
 public:
  explicit Locator(const std::string& text) : text_(text) {}
  // Position after the component, searching from `from`; npos when absent.
  size_t Find(const std::string& needle, size_t from) const {
    if (from == std::string::npos) return from;
    size_t at = text_.find(needle, from);
    return at == std::string::npos ? at : at + needle.size();
  }
  int Line(size_t pos) const { return pos == std::string::npos ? 0 : LineAt(text_, pos); }

 private:
  const std::string& text_;
};

class Loader {
 public:
  Loader(std::string path, std::string text)
      : path_(std::move(path)), text_(std::move(text)), locator_(text_) {}

  std::string Where(int line) const {
    return line > 0 ? path_ + ":" + std::to_string(line) : path_;
  }
  // One line whatever the file holds: a control character quoted from it (a CSV header's quoted
  // field may hold a line break) is written as an escape.
  Status Error(int line, const std::string& what) const {
    std::string one_line;
    for (char c : what) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '\n') {
        one_line += "\\n";
      } else if (c == '\r') {
        one_line += "\\r";
      } else if (u < 0x20 || u == 0x7f) {
        static const char kHex[] = "0123456789ABCDEF";
        one_line += std::string("\\x") + kHex[u >> 4] + kHex[u & 15];
      } else {
        one_line += c;
      }
    }
    return Status::InputError(Where(line) + ": " + one_line);
  }

  // One record from its fields; validates value and unit. `line` is where the record is written.
  Status Add(const std::string& key, const std::string& value, const std::string& unit,
             const std::string& period, int line, std::vector<KpiRecord>* out) {
    if (key.empty()) return Error(line, "KPI without a key");
    KpiRecord r;
    r.key = key;
    r.text = Trim(value);
    if (!ParseNumber(r.text, &r.value)) {
      return Error(line, "KPI '" + key + "': value '" + r.text + "' is not a number");
    }
    r.unit = Trim(unit);
    if (!KnownUnit(r.unit)) return Error(line, "KPI '" + key + "': unknown unit '" + r.unit + "'");
    r.period = Trim(period);
    r.source = Where(line);
    if (!keys_.insert(key + "\x1f" + r.period).second) {
      return Error(line, "KPI '" + key + "' given twice for period '" + r.period + "'");
    }
    out->push_back(std::move(r));
    return Status::Ok();
  }

  // JSON and INI-like trees: under `kpis`, a node with a "value" child is a record; any other node
  // with children is a group whose name prefixes its children's keys.
  Status Walk(const pt::ptree& node, const std::string& prefix, const std::string& period,
              size_t pos, bool json, std::vector<KpiRecord>* out) {
    for (const auto& [name, child] : node) {
      if (name.empty()) return Error(locator_.Line(pos), "arrays are not supported in KPI data");
      std::string key = prefix.empty() ? name : prefix + "." + name;
      size_t here = locator_.Find(json ? "\"" + name + "\"" : name, pos);
      int line = locator_.Line(here);
      if (child.empty()) {
        return Error(line, "KPI '" + key + "': expected an object with \"value\" and \"unit\"");
      }
      if (child.count("value") == 0) {
        Status s = Walk(child, key, period, here, json, out);
        if (!s.ok()) return s;
        continue;
      }
      std::string unit, own_period = period;
      for (const auto& [field, v] : child) {
        if (!v.empty())
          return Error(line, "KPI '" + key + "': field '" + field + "' must be a scalar");
        if (field == "value") continue;
        if (field == "unit") {
          unit = v.data();
        } else if (field == "period") {
          own_period = v.data();
        } else if (field != "note" && field != "label") {
          return Error(line, "KPI '" + key + "': unknown field '" + field + "'");
        }
      }
      if (child.count("unit") == 0) return Error(line, "KPI '" + key + "': no unit");
      Status s = Add(key, child.get_child("value").data(), unit, own_period, line, out);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status Json(std::vector<KpiRecord>* out) {
    pt::ptree tree;
    std::istringstream in(text_);
    try {
      pt::read_json(in, tree);
    } catch (const pt::json_parser_error& e) {
      return Error(static_cast<int>(e.line()), "invalid JSON: " + e.message());
    }
    return FromTree(tree, true, out);
  }

  Status FromTree(const pt::ptree& tree, bool json, std::vector<KpiRecord>* out) {
    std::string period;
    for (const auto& [name, child] : tree) {
      if (name == "period") {
        if (!child.empty())
          return Error(locator_.Line(locator_.Find("period", 0)), "period must be a scalar");
        period = child.data();
      } else if (name != "kpis" && name != "report" && name != "note") {
        return Error(locator_.Line(locator_.Find(json ? "\"" + name + "\"" : name, 0)),
                     "unknown top-level field '" + name + "'");
      }
    }
    auto kpis = tree.get_child_optional("kpis");
    if (!kpis || kpis->empty()) return Error(0, "no \"kpis\" object");
    return Walk(*kpis, "", period, locator_.Find(json ? "\"kpis\"" : "kpis", 0), json, out);
  }

  // INI: top-level `period = 2020`; one section per KPI named by its key.
  Status Ini(std::vector<KpiRecord>* out) {
    pt::ptree tree;
    std::istringstream in(text_);
    try {
      pt::read_ini(in, tree);
    } catch (const pt::ini_parser_error& e) {
      return Error(static_cast<int>(e.line()), "invalid INI: " + e.message());
    }
    std::string period;
    pt::ptree kpis;
    for (const auto& [name, child] : tree) {
      if (child.empty()) {
        if (name == "period") {
          period = child.data();
        } else if (name != "report" && name != "note") {
          return Error(locator_.Line(locator_.Find(name, 0)),
                       "unknown top-level field '" + name + "'");
        }
        continue;
      }
      kpis.push_back({name, child});
    }
    if (kpis.empty()) return Error(0, "no KPI sections");
    for (const auto& [name, child] : kpis) {
      int line = locator_.Line(locator_.Find("[" + name + "]", 0));
      if (child.count("value") == 0) return Error(line, "KPI '" + name + "': no value");
      Status s = WalkIniSection(name, child, period, line, out);
      if (!s.ok()) return s;
    }
    return Status::Ok();
  }

  Status WalkIniSection(const std::string& key, const pt::ptree& child, const std::string& period,
                        int line, std::vector<KpiRecord>* out) {
    std::string unit, own_period = period;
    bool has_unit = false;
    for (const auto& [field, v] : child) {
      if (field == "value") continue;
      if (field == "unit") {
        unit = v.data();
        has_unit = true;
      } else if (field == "period") {
        own_period = v.data();
      } else if (field != "note" && field != "label") {
        return Error(line, "KPI '" + key + "': unknown field '" + field + "'");
      }
    }
    if (!has_unit) return Error(line, "KPI '" + key + "': no unit");
    return Add(key, child.get<std::string>("value"), unit, own_period, line, out);
  }

  // XML: <kpis period="2020"><kpi key="employees.total" value="12375" unit="人"/>...</kpis>
  Status Xml(std::vector<KpiRecord>* out) {
    pt::ptree tree;
    std::istringstream in(text_);
    try {
      pt::read_xml(in, tree);
    } catch (const pt::xml_parser_error& e) {
      return Error(static_cast<int>(e.line()), "invalid XML: " + e.message());
    }
    auto root = tree.get_child_optional("kpis");
    if (!root) return Error(0, "root element must be <kpis>");
    std::string period = root->get("<xmlattr>.period", "");
    size_t pos = locator_.Find("<kpis", 0);
    for (const auto& [name, child] : *root) {
      if (name == "<xmlattr>" || name == "<xmlcomment>") continue;
      size_t here = locator_.Find("<" + name, pos);
      int line = locator_.Line(here);
      if (here != std::string::npos) pos = here;
      if (name != "kpi") return Error(line, "unexpected element <" + name + ">, expected <kpi>");
      std::string key, value, unit, own_period = period;
      bool has_value = false, has_unit = false;
      if (auto attrs = child.get_child_optional("<xmlattr>")) {
        for (const auto& [attr, v] : *attrs) {
          if (attr == "key") {
            key = v.data();
          } else if (attr == "value") {
            value = v.data();
            has_value = true;
          } else if (attr == "unit") {
            unit = v.data();
            has_unit = true;
          } else if (attr == "period") {
            own_period = v.data();
          } else if (attr != "note" && attr != "label") {
            return Error(line, "<kpi>: unknown attribute '" + attr + "'");
          }
        }
      }
      if (!has_value) return Error(line, "KPI '" + key + "': no value attribute");
      if (!has_unit) return Error(line, "KPI '" + key + "': no unit attribute");
      Status s = Add(key, value, unit, own_period, line, out);
      if (!s.ok()) return s;
    }
    if (out->empty()) return Error(0, "no <kpi> elements");
    return Status::Ok();
  }

  // CSV (RFC 4180): a header naming key,value,unit[,period][,note|label], then one record a row.
  Status Csv(std::vector<KpiRecord>* out) {
    std::vector<std::vector<std::string>> rows;
    std::vector<int> lines;
    Status s = SplitCsv(&rows, &lines);
    if (!s.ok()) return s;
    if (rows.empty()) return Error(0, "empty CSV");
    std::vector<std::string> header = rows[0];
    if (!header.empty() && header[0].rfind("\xEF\xBB\xBF", 0) == 0) header[0].erase(0, 3);
    int key_col = -1, value_col = -1, unit_col = -1, period_col = -1;
    for (size_t i = 0; i < header.size(); ++i) {
      std::string h = Trim(header[i]);
      int col = static_cast<int>(i);
      if (h == "key")
        key_col = col;
      else if (h == "value")
        value_col = col;
      else if (h == "unit")
        unit_col = col;
      else if (h == "period")
        period_col = col;
      else if (h != "note" && h != "label")
        return Error(lines[0], "unknown CSV column '" + h + "'");
    }
    if (key_col < 0 || value_col < 0 || unit_col < 0) {
      return Error(lines[0], "CSV header must name the columns key, value and unit");
    }
    for (size_t r = 1; r < rows.size(); ++r) {
      const std::vector<std::string>& row = rows[r];
      if (row.size() == 1 && Trim(row[0]).empty()) continue;  // blank line
      if (row.size() != header.size()) {
        return Error(lines[r], "expected " + std::to_string(header.size()) + " fields, found " +
                                   std::to_string(row.size()));
      }
      s = Add(Trim(row[key_col]), row[value_col], row[unit_col],
              period_col < 0 ? "" : row[period_col], lines[r], out);
      if (!s.ok()) return s;
    }
    if (out->empty()) return Error(0, "no KPI rows");
    return Status::Ok();
  }

  Status SplitCsv(std::vector<std::vector<std::string>>* rows, std::vector<int>* lines) const {
    std::vector<std::string> row;
    std::string field;
    bool quoted = false, after_quote = false;
    int line = 1, row_line = 1;
    for (size_t i = 0; i < text_.size(); ++i) {
      char c = text_[i];
      if (quoted) {
        if (c == '"') {
          if (i + 1 < text_.size() && text_[i + 1] == '"') {
            field += '"';
            ++i;
          } else {
            quoted = false;
            after_quote = true;
          }
        } else {
          if (c == '\n') ++line;
          field += c;
        }
        continue;
      }
      if (c == '"') {
        if (!field.empty() || after_quote) return Error(line, "quote inside an unquoted field");
        quoted = true;
      } else if (c == ',') {
        row.push_back(std::move(field));
        field.clear();
        after_quote = false;
      } else if (c == '\r' && i + 1 < text_.size() && text_[i + 1] == '\n') {
        continue;
      } else if (c == '\n') {
        row.push_back(std::move(field));
        field.clear();
        after_quote = false;
        rows->push_back(std::move(row));
        row.clear();
        lines->push_back(row_line);
        row_line = ++line;
      } else {
        if (after_quote) return Error(line, "text after a closing quote");
        field += c;
      }
    }
    if (quoted) return Error(row_line, "unterminated quoted field");
    if (!field.empty() || !row.empty() || after_quote) {
      row.push_back(std::move(field));
      rows->push_back(std::move(row));
      lines->push_back(row_line);
    }
    return Status::Ok();
  }

 private:
  std::string path_;
  std::string text_;
  Locator locator_;
  std::set<std::string> keys_;
};

std::string Extension(const std::string& path) {
  size_t slash = path.find_last_of('/');
  size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return "";
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

}  // namespace

Status LoadKpiData(const std::string& path, std::vector<KpiRecord>* out) {
  std::string ext = Extension(path);
  if (ext != "json" && ext != "xml" && ext != "ini" && ext != "csv") {
    return Status::InputError(path +
                              ": unknown KPI data format (expected .json, .xml, .ini or .csv)");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InputError(path + ": cannot open KPI data file");
  std::string text = ReadAll(in);
  if (in.bad()) return Status::InputError(path + ": cannot read KPI data file");
  if (text.empty()) return Status::InputError(path + ": empty KPI data file");

  std::vector<KpiRecord> records;
  Loader loader(path, std::move(text));
  Status s;
  if (ext == "json")
    s = loader.Json(&records);
  else if (ext == "xml")
    s = loader.Xml(&records);
  else if (ext == "ini")
    s = loader.Ini(&records);
  else
    s = loader.Csv(&records);
  if (!s.ok()) return s;
  out->insert(out->end(), records.begin(), records.end());
  return Status::Ok();
}

}  // namespace esgaudit
