// Reporters: whole rendered outputs of a fixed result.
#include <gtest/gtest.h>

#include "esgaudit/document.h"
#include "esgaudit/report.h"
#include "report/reporters.h"

namespace esgaudit {
namespace {

ReportResult Sample() {
  Document doc = Document::FromUtf8("r.txt", "标题\n女 21%  男 80%\n");
  ReportResult r;
  r.path = "r.txt";
  r.sha256 = doc.sha256();
  r.encoding = "utf-8";
  Finding f;
  f.rule = "numeric.percent-sum";
  f.severity = ESGAUDIT_ERROR;
  f.message = "21% + 80% = 101%, expected 100%";
  uint64_t at = doc.text().find("21%");
  f.location = LocateIn(doc, at, 3);
  f.evidence = "女 21%  男 80%";
  f.source_line = std::string(doc.LineText(1));
  f.references = {"GB/T 36001-2015 5.3"};
  f.related.push_back({LocateIn(doc, doc.text().find("80%"), 3), "part"});
  r.findings.push_back(f);
  CoverageRecord c{"gri", "405-1", "Diversity of governance bodies and employees", ESGAUDIT_COVERED,
                   {{LocateIn(doc, at, 3), "女 21%"}}};
  r.coverage.push_back(c);
  Canonicalize(&r);
  return r;
}

TEST(ReportTest, TextHasLocationSourceCaretNotesAndSummary) {
  std::string text = MakeReporter("text")->Render({Sample()}, ReportOptions());
  EXPECT_EQ(text,
            "r.txt:2:4: error: 21% + 80% = 101%, expected 100% [numeric.percent-sum]\n"
            "女 21%  男 80%\n"
            "   ^\n"
            "r.txt:2:12: note: part\n"
            "1 finding (1 error, 0 warnings, 0 infos) in 1 report\n");
  EXPECT_EQ(MakeReporter("text")->Render({}, ReportOptions()), "no findings in 0 reports\n");
}

TEST(ReportTest, JsonFollowsTheContract) {
  ReportResult r = Sample();
  std::string json = MakeReporter("json")->Render({r}, ReportOptions());
  std::string expected = std::string(R"({
  "schema": "esgaudit.findings/1",
  "tool": {
    "name": "esgaudit",
    "version": ")") + ESGAUDIT_VERSION + R"("
  },
  "reports": [
    {
      "path": "r.txt",
      "sha256": ")" + r.sha256 + R"(",
      "encoding": "utf-8",
      "pages": null,
      "findings": [
        {
          "rule": "numeric.percent-sum",
          "severity": "error",
          "message": "21% + 80% = 101%, expected 100%",
          "location": {
            "file": "r.txt",
            "line": 2,
            "column": 4,
            "page": null,
            "offset": 11,
            "length": 3
          },
          "evidence": "女 21%  男 80%",
          "references": [
            "GB/T 36001-2015 5.3"
          ],
          "related": [
            {
              "location": {
                "file": "r.txt",
                "line": 2,
                "column": 12,
                "page": null,
                "offset": 20,
                "length": 3
              },
              "message": "part"
            }
          ],
          "fingerprint": ")" + r.findings[0].fingerprint + R"("
        }
      ],
      "coverage": {
        "gri": [
          {
            "id": "405-1",
            "title": "Diversity of governance bodies and employees",
            "status": "covered",
            "locations": [
              {
                "file": "r.txt",
                "line": 2,
                "column": 4,
                "page": null,
                "offset": 11,
                "length": 3,
                "quote": "女 21%"
              }
            ]
          }
        ]
      }
    }
  ]
}
)";
  EXPECT_EQ(json, expected);
  EXPECT_EQ(r.findings[0].fingerprint.size(), 16u);
}

// RenderJson dumps each report's tree on its own and sets it into the document: its bytes must be those
// of one tree of every report (ReportJson, ManifestJson) dumped, whatever the strings hold and whichever
// parts are empty or absent.
TEST(ReportTest, JsonIsWrittenAsTheTreeIsDumped) {
  auto tree = [](const std::vector<ReportResult>& reports, const ReportOptions& options) {
    Json root;
    root["schema"] = "esgaudit.findings/1";
    root["tool"] = {{"name", "esgaudit"}, {"version", ESGAUDIT_VERSION}};
    Json list = Json::array();
    for (const ReportResult& r : reports) list.push_back(ReportJson(r, options));
    root["reports"] = list;
    if (options.manifest != nullptr) root["manifest"] = ManifestJson(*options.manifest);
    return Dump(root, 2) + "\n";
  };
  ReportResult a = Sample();
  a.lang = "zh";
  a.page_count = 12;
  a.findings[0].location.page = 3;
  a.findings[0].message = "controls \x01\x1f\x7f \b\t\n\f\r \" \\ / 🌍 𝄞 é";
  Finding waived = a.findings[0];
  waived.suppression = {"waiver", "known", "CFO", "2030-01-01", "waivers.yaml"};
  waived.references.clear();
  waived.related.clear();
  Finding open_ended = waived;
  open_ended.suppression.expires.clear();
  Finding baselined = waived;
  baselined.suppression = {"baseline", "", "", "", "base.json"};
  baselined.location.line = 0;  // a whole-file finding: line and column null
  a.findings.push_back(waived);
  a.findings.push_back(open_ended);
  a.findings.push_back(baselined);
  a.coverage.push_back({"gbt36001", "kpi", "KPI table", ESGAUDIT_MISSING, {}});
  a.coverage.push_back({"gri", "2-1", "Organizational details", ESGAUDIT_PARTIAL,
                        {{a.findings[0].location, "one"}, {a.findings[0].location, "two"}}});
  a.relations.push_back({"numeric", "numeric.sum", "a + b = c", {{a.findings[0].location, "a"}}});
  a.relations.push_back({"numeric", "numeric.sum", "none", {}});
  ReportResult empty;
  empty.path = "empty.txt";
  ReportResult broken = Sample();  // not UTF-8: each string replaced as nlohmann-json replaces it
  const std::vector<std::string> bad = {"\xff", "a\xe4\xb8", "\xc0\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80",
                                        "\xe4\xb8\xad\xc3", "x\"\x01\xfe"};
  for (size_t k = 0; k < bad.size(); ++k) {
    Finding f = broken.findings[0];
    f.message = bad[k];
    f.evidence = "ok " + bad[k] + " ok";
    broken.findings.push_back(f);
  }
  broken.path = "dir/\xff\xfe.txt";
  RunManifest m;
  PluginInfo plugin;
  plugin.name = "gri";
  plugin.version = "1.0";
  plugin.abi_major = 1;
  m.plugins = {plugin};
  m.options = {{"fail-on", "never"}, {"format", "json"}};
  m.failed = {{"gone.txt", "cannot read"}};
  m.summaries = {{"r.txt", {1, 2, 3}, 1, 0, true}};
  m.time = "2024-01-01T00:00:00Z";
  const std::vector<std::vector<ReportResult>> batches = {{}, {a}, {a, empty, broken}, {empty}};
  for (const RunManifest* manifest : {static_cast<const RunManifest*>(nullptr), static_cast<const RunManifest*>(&m)}) {
    for (bool relations : {false, true}) {
      ReportOptions options;
      options.manifest = manifest;
      options.include_relations = relations;
      for (size_t b = 0; b < batches.size(); ++b)
        EXPECT_EQ(RenderJson(batches[b], options), tree(batches[b], options)) << b << relations;
    }
  }
}

TEST(ReportTest, FingerprintIgnoresLineMovesButSeparatesRepeats) {
  ReportResult a = Sample();
  ReportResult b = Sample();
  b.findings[0].location.line = 40;
  b.findings[0].location.offset += 100;
  b.findings.push_back(b.findings[0]);
  Canonicalize(&b);
  EXPECT_EQ(a.findings[0].fingerprint, b.findings[0].fingerprint);
  EXPECT_NE(b.findings[0].fingerprint, b.findings[1].fingerprint);
}

TEST(ReportTest, CoverageIndexFormats) {
  ReportResult r = Sample();
  EXPECT_EQ(RenderCoverageIndex(r, "gri", "md"),
            "| Disclosure | Title | Status | Location |\n|---|---|---|---|\n"
            "| 405-1 | Diversity of governance bodies and employees | covered | l.2 |\n");
  EXPECT_EQ(RenderCoverageIndex(r, "gri", "csv"),
            "disclosure,title,status,locations\r\n"
            "405-1,Diversity of governance bodies and employees,covered,l.2\r\n");
  EXPECT_NE(RenderCoverageIndex(r, "gri", "json").find("\"disclosure\": \"405-1\""), std::string::npos);
}

TEST(ReportTest, UnknownFormatHasNoReporter) {
  EXPECT_EQ(MakeReporter("xml"), nullptr);
  EXPECT_EQ(ReporterFormats(), (std::vector<std::string>{"csv", "html", "json", "jsonl", "junit", "sarif", "text"}));
}

}  // namespace
}  // namespace esgaudit
