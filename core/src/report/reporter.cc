#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {
namespace {

using Factory = std::unique_ptr<Reporter> (*)();

const std::map<std::string, Factory>& Registry() {
  static const std::map<std::string, Factory> kReporters = {
      {"csv", &MakeCsvReporter},     {"html", &MakeHtmlReporter},   {"json", &MakeJsonReporter},
      {"jsonl", &MakeJsonlReporter}, {"junit", &MakeJunitReporter}, {"sarif", &MakeSarifReporter},
      {"text", &MakeTextReporter},
  };
  return kReporters;
}

std::string MdCell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// "p.12 l.340, p.13 l.360" or "l.340" when pages are unknown.
std::string Places(const CoverageRecord& c) {
  std::string out;
  for (const Related& r : c.locations) {
    if (!out.empty()) out += ", ";
    if (r.location.page != 0) out += "p." + std::to_string(r.location.page) + " ";
    out += "l." + std::to_string(r.location.line);
  }
  return out;
}

// "第12页第340行，第13页第360行" or "第340行" when pages are unknown.
std::string PlacesZh(const CoverageRecord& c) {
  std::string out;
  for (const Related& r : c.locations) {
    if (!out.empty()) out += "，";
    if (r.location.page != 0) out += "第" + std::to_string(r.location.page) + "页";
    out += "第" + std::to_string(r.location.line) + "行";
  }
  return out;
}

}  // namespace

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string XmlEscape(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string FirstUrl(const std::string& markdown) {
  size_t at = markdown.find("https://");
  if (at == std::string::npos) return "";
  size_t end = markdown.find_first_of(" \t\r\n)>]\"'", at);
  std::string url = markdown.substr(at, end == std::string::npos ? std::string::npos : end - at);
  while (!url.empty() && (url.back() == '.' || url.back() == ',')) url.pop_back();
  return url;
}

std::string PageLabel(uint32_t page) { return page == 0 ? "" : "p." + std::to_string(page); }

std::vector<std::string> ReporterFormats() {
  std::vector<std::string> names;
  for (const auto& [name, factory] : Registry()) names.push_back(name);
  return names;
}

std::unique_ptr<Reporter> MakeReporter(const std::string& format) {
  auto it = Registry().find(format);
  return it == Registry().end() ? nullptr : it->second();
}

std::vector<std::string> IndexFormats() { return {"csv", "json", "md"}; }

std::string RenderCoverageIndex(const ReportResult& report, const std::string& scheme,
                                const std::string& format) {
  std::vector<const CoverageRecord*> rows;
  for (const CoverageRecord& c : report.coverage) {
    if (c.scheme == scheme) rows.push_back(&c);
  }
  std::ostringstream out;
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const CoverageRecord* c : rows) {
      nlohmann::ordered_json places = nlohmann::ordered_json::array();
      for (const Related& r : c->locations) {
        places.push_back({{"page", r.location.page == 0 ? nlohmann::ordered_json(nullptr)
                                                         : nlohmann::ordered_json(r.location.page)},
                          {"line", r.location.line},
                          {"quote", r.message}});
      }
      list.push_back({{"disclosure", c->id}, {"title", c->title},
                      {"status", CoverageStatusName(c->status)}, {"locations", places}});
    }
    nlohmann::ordered_json root = {{"report", report.path}, {"scheme", scheme}, {"index", list}};
    out << root.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
  } else if (format == "csv") {
    out << "disclosure,title,status,locations\r\n";
    for (const CoverageRecord* c : rows) {
      out << CsvField(c->id) << "," << CsvField(c->title) << "," << CoverageStatusName(c->status)
          << "," << CsvField(Places(*c)) << "\r\n";
    }
  } else {
    const bool zh = report.lang == "zh";
    out << (zh ? "| 披露项 | 标题 | 状态 | 位置 |\n" : "| Disclosure | Title | Status | Location |\n") << "|---|---|---|---|\n";
    for (const CoverageRecord* c : rows) {
      std::string status = CoverageStatusName(c->status);
      if (zh) status = c->status == ESGAUDIT_COVERED ? "已披露" : c->status == ESGAUDIT_PARTIAL ? "部分披露" : "未披露";
      out << "| " << MdCell(c->id) << " | " << MdCell(c->title) << " | " << status << " | "
          << MdCell(zh ? PlacesZh(*c) : Places(*c)) << " |\n";
    }
  }
  return out.str();
}

}  // namespace esgaudit
