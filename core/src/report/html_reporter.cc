// The HTML audit report: one self-contained file (inline CSS, no script, no external asset) for an
// assurance reviewer. Every string that came from a report or a rule is escaped (XmlEscape).
#include <set>
#include <algorithm>
#include <cstdint>
#include <sstream>

#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {
namespace {

const char kStyle[] =
    "body{font-family:system-ui,'Noto Sans CJK SC','Noto Sans',sans-serif;margin:2em;color:#222;max-width:80em}"
    "h1{font-size:1.6em}h2{font-size:1.3em;border-bottom:1px solid #ccc;margin-top:2em}h3{font-size:1.1em}"
    "table{border-collapse:collapse;margin:.5em 0;width:100%}td,th{border:1px solid #ccc;padding:.25em .5em;"
    "text-align:left;vertical-align:top}th{background:#f3f3f3}"
    ".verdict{font-size:1.4em;font-weight:bold;padding:.4em .8em;display:inline-block;border-radius:.3em}"
    ".pass{background:#d9f2d9;color:#185c18}.fail{background:#f8d7d7;color:#8a1a1a}.incomplete{background:#fde9c8;color:#7a4a00}"
    ".error{color:#b00020;font-weight:bold}.warning{color:#8a5a00;font-weight:bold}.info{color:#245;font-weight:bold}"
    ".covered{background:#d9f2d9}.partial{background:#fff2c8}.missing{background:#f8d7d7}"
    ".waived td{background:#eee;color:#555}pre,code{white-space:pre-wrap;font-family:monospace}"
    "blockquote{margin:0;padding-left:.6em;border-left:3px solid #ccc;color:#444}";

std::string E(const std::string& s) { return XmlEscape(s); }

std::string Place(const Location& l) {
  std::string p;
  if (l.page != 0) p += "p. " + std::to_string(l.page) + ", ";
  if (l.line != 0) {
    p += "line " + std::to_string(l.line) + ":" + std::to_string(l.column);
  } else {
    p += "whole report";
  }
  return p;
}

void FindingRows(std::ostringstream& out, const std::vector<const Finding*>& findings) {
  out << "<table><tr><th>Where</th><th>Rule</th><th>Finding</th><th>Evidence</th></tr>\n";
  for (const Finding* f : findings) {
    out << "<tr" << (f->suppression.kind.empty() ? "" : " class=\"waived\"") << "><td>" << E(Place(f->location))
        << "</td><td><code>" << E(f->rule) << "</code></td><td>" << E(f->message);
    for (const Related& r : f->related) out << "<br><small>" << E(Place(r.location)) << ": " << E(r.message) << "</small>";
    if (f->suppression.kind == "waiver") {
      out << "<br><small>waived: " << E(f->suppression.reason) << " — approved by " << E(f->suppression.approver)
          << (f->suppression.expires.empty() ? "" : ", until " + E(f->suppression.expires)) << " ("
          << E(f->suppression.source) << ")</small>";
    } else if (f->suppression.kind == "baseline") {
      out << "<br><small>in the baseline (" << E(f->suppression.source) << ")</small>";
    }
    out << "</td><td>";
    if (!f->evidence.empty()) out << "<blockquote>" << E(f->evidence) << "</blockquote>";
    const size_t b = f->source_line.find_first_not_of(" \t");
    const size_t e = f->source_line.find_last_not_of(" \t");
    const std::string line = b == std::string::npos ? "" : f->source_line.substr(b, e - b + 1);
    if (!line.empty() && line != f->evidence) out << "<pre>" << E(line) << "</pre>";
    out << "</td></tr>\n";
  }
  out << "</table>\n";
}

void Coverage(std::ostringstream& out, const ReportResult& r) {
  std::vector<std::string> schemes;
  for (const CoverageRecord& c : r.coverage) {
    if (schemes.empty() || schemes.back() != c.scheme) schemes.push_back(c.scheme);
  }
  for (const std::string& scheme : schemes) {
    size_t n[3] = {0, 0, 0};
    for (const CoverageRecord& c : r.coverage) {
      if (c.scheme == scheme) ++n[c.status];
    }
    out << "<h3>Coverage: " << E(scheme) << " (" << n[ESGAUDIT_COVERED] << " covered, " << n[ESGAUDIT_PARTIAL]
        << " partial, " << n[ESGAUDIT_MISSING] << " missing)</h3>\n"
        << "<table><tr><th>Item</th><th>Title</th><th>Status</th><th>Evidence</th></tr>\n";
    for (const CoverageRecord& c : r.coverage) {
      if (c.scheme != scheme) continue;
      out << "<tr><td>" << E(c.id) << "</td><td>" << E(c.title) << "</td><td class=\"" << CoverageStatusName(c.status)
          << "\">" << CoverageStatusName(c.status) << "</td><td>";
      for (const Related& l : c.locations) {
        out << "<small>" << E(Place(l.location)) << "</small> <blockquote>" << E(l.message) << "</blockquote>";
      }
      out << "</td></tr>\n";
    }
    out << "</table>\n";
  }
}

void Manifest(std::ostringstream& out, const RunManifest& m) {
  out << "<h2>Run manifest</h2>\n<table>\n"
      << "<tr><th>Tool</th><td>esgaudit " << E(m.tool_version) << "</td></tr>\n<tr><th>Plugins</th><td>";
  for (const PluginInfo& p : m.plugins) {
    out << E(p.name) << " " << E(p.version) << " (ABI " << p.abi_major << "." << p.abi_minor << ")<br>";
  }
  out << "</td></tr>\n<tr><th>Rules enabled</th><td>" << m.enabled_rules << "</td></tr>\n<tr><th>Rule packs</th><td>";
  for (const FileDigest& f : m.rule_packs) out << "<code>" << E(f.sha256.substr(0, 16)) << "</code> " << E(f.path) << "<br>";
  out << "</td></tr>\n<tr><th>Inputs</th><td>";
  for (const FileDigest& f : m.inputs) out << "<code>" << E(f.sha256.substr(0, 16)) << "</code> " << E(f.path) << "<br>";
  out << "</td></tr>\n";
  if (!m.data.path.empty()) {
    out << "<tr><th>KPI data</th><td><code>" << E(m.data.sha256.substr(0, 16)) << "</code> " << E(m.data.path) << "</td></tr>\n";
  }
  out << "<tr><th>Config file</th><td>" << (m.config_file.empty() ? "none" : E(m.config_file)) << "</td></tr>\n<tr><th>Options</th><td>";
  for (const auto& [k, v] : m.options) out << "<code>--" << E(k) << "</code> " << E(v) << "<br>";
  out << "</td></tr>\n";
  if (!m.failed.empty()) {
    out << "<tr><th>Not audited</th><td>";
    for (const FailedInput& f : m.failed) out << E(f.error) << "<br>";
    out << "</td></tr>\n";
  }
  for (const std::string& w : m.expired_waivers) out << "<tr><th>Expired waiver</th><td>" << E(w) << "</td></tr>\n";
  for (const std::string& w : m.unused_waivers) out << "<tr><th>Unused waiver</th><td>" << E(w) << "</td></tr>\n";
  if (m.baseline_absent != 0) out << "<tr><th>Baseline entries gone</th><td>" << m.baseline_absent << "</td></tr>\n";
  out << "<tr><th>Exit status</th><td>" << m.exit_status << "</td></tr>\n";
  if (!m.time.empty()) out << "<tr><th>Time</th><td>" << E(m.time) << "</td></tr>\n";
  out << "</table>\n";
}

class HtmlReporter : public Reporter {
 public:
  std::string Render(const std::vector<ReportResult>& reports, const ReportOptions& o) const override {
    std::ostringstream out;
    // The page's language is the first report's (it picks the CJK glyph forms); the frame is English.
    const std::string lang = !reports.empty() && reports.front().lang == "zh" ? "zh-CN" : "en";
    out << "<!DOCTYPE html>\n<html lang=\"" << lang << "\"><head><meta charset=\"utf-8\">"
        << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
        << "<title>esgaudit audit report</title><style>" << kStyle << "</style></head>\n<body>\n"
        << "<h1>esgaudit audit report</h1>\n";
    if (o.manifest != nullptr) {
      const int s = o.manifest->exit_status;
      const char* cls = s == 0 ? "pass" : s == 1 ? "fail" : "incomplete";
      const char* text = s == 0   ? "PASS: no finding at or above the gate's threshold"
                         : s == 1 ? "FAIL: findings at or above the gate's threshold"
                                  : "INCOMPLETE: inputs or plugins failed (see the manifest)";
      out << "<p class=\"verdict " << cls << "\">" << text << "</p>\n";
    }
    out << "<h2>Summary</h2>\n<table><tr><th>Report</th><th>Errors</th><th>Warnings</th><th>Infos</th><th>Accepted</th></tr>\n";
    for (const ReportResult& r : reports) {
      size_t n[3] = {0, 0, 0}, accepted = 0;
      for (const Finding& f : r.findings) {
        if (f.suppression.kind.empty()) {
          ++n[f.severity];
        } else {
          ++accepted;
        }
      }
      out << "<tr><td>" << E(r.path) << "</td><td>" << n[ESGAUDIT_ERROR] << "</td><td>" << n[ESGAUDIT_WARNING]
          << "</td><td>" << n[ESGAUDIT_INFO] << "</td><td>" << accepted << "</td></tr>\n";
    }
    out << "</table>\n";
    for (const ReportResult& r : reports) {
      out << "<h2>" << E(r.path) << "</h2>\n<p>" << (r.page_count == 0 ? std::string("no page information")
                                                                   : std::to_string(r.page_count) + " pages")
          << ", " << E(r.encoding) << ", sha256 <code>" << E(r.sha256) << "</code></p>\n";
      if (r.findings.empty()) out << "<p>No findings.</p>\n";
      for (int sev = ESGAUDIT_ERROR; sev >= ESGAUDIT_INFO; --sev) {
        std::vector<const Finding*> group;
        for (const Finding& f : r.findings) {
          if (f.severity == sev) group.push_back(&f);
        }
        if (group.empty()) continue;
        // By page (unknown pages last), then in document order.
        std::stable_sort(group.begin(), group.end(), [](const Finding* a, const Finding* b) {
          uint32_t pa = a->location.page == 0 ? UINT32_MAX : a->location.page;
          uint32_t pb = b->location.page == 0 ? UINT32_MAX : b->location.page;
          return pa < pb;
        });
        const char* name = SeverityName(static_cast<esgaudit_severity>(sev));
        out << "<h3 class=\"" << name << "\">" << group.size() << " " << name << (group.size() == 1 ? "" : "s") << "</h3>\n";
        FindingRows(out, group);
      }
      Coverage(out, r);
    }
    if (o.manifest != nullptr) Manifest(out, *o.manifest);
    out << "</body></html>\n";
    return out.str();
  }
};

}  // namespace

std::unique_ptr<Reporter> MakeHtmlReporter() { return std::make_unique<HtmlReporter>(); }

}  // namespace esgaudit
