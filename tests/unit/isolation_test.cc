// Isolated audits: the outcome's binary form, and children that crash, hang or finish out of order.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>

#include "esgaudit/document.h"
#include "esgaudit/isolation.h"

namespace esgaudit {
namespace {

AuditOutcome Sample(const std::string& path) {
  Document doc = Document::FromUtf8(path, "标题\n女 21%  男 80%\n");
  AuditOutcome o;
  o.loaded = true;
  o.errors = {path + ": plugin 'x' failed: boom"};
  o.status = ExitStatus::kInternal;
  ReportResult& r = o.result;
  r.path = path;
  r.sha256 = doc.sha256();
  r.encoding = "gb18030";
  r.page_count = 7;
  Finding f;
  f.rule = "numeric.percent-sum";
  f.severity = ESGAUDIT_ERROR;
  f.message = "21% + 80% = 101%";
  f.location = LocateIn(doc, doc.text().find("21%"), 3);
  f.evidence = "女 21%  男 80%";
  f.references = {"GB/T 36001-2015 5.3", ""};
  f.related.push_back({LocateIn(doc, doc.text().find("80%"), 3), "part"});
  f.source_line = "女 21%  男 80%";
  f.source_column = 4;
  r.findings.push_back(f);
  r.coverage.push_back({"gri", "405-1", "Diversity", ESGAUDIT_PARTIAL, {{LocateIn(doc, 0, 6), "标题"}}});
  r.relations.push_back({"numeric", "numeric.percent-sum", "21% + 80%", {{LocateIn(doc, 10, 3), "part"}}});
  r.status = Status::Internal("boom");
  Canonicalize(&r);
  return o;
}

void ExpectSame(const AuditOutcome& a, const AuditOutcome& b) {
  // The binary form is a function of every field: equal encodings mean equal outcomes.
  EXPECT_EQ(EncodeOutcome(a), EncodeOutcome(b));
  EXPECT_EQ(a.result.findings.size(), b.result.findings.size());
}

TEST(IsolationTest, OutcomeSurvivesItsBinaryForm) {
  AuditOutcome in = Sample("r.txt");
  AuditOutcome out;
  std::string bytes = EncodeOutcome(in);
  ASSERT_TRUE(DecodeOutcome(bytes, &out));
  ExpectSame(in, out);
  const Finding& f = out.result.findings.at(0);
  EXPECT_EQ(f.message, "21% + 80% = 101%");
  EXPECT_EQ(f.location.line, 2u);
  EXPECT_EQ(f.location.column, 4u);
  EXPECT_EQ(f.related.at(0).location.column, 12u);
  EXPECT_EQ(f.source_column, 4u);
  EXPECT_EQ(f.fingerprint, in.result.findings[0].fingerprint);
  EXPECT_EQ(out.result.coverage.at(0).status, ESGAUDIT_PARTIAL);
  EXPECT_EQ(out.result.relations.at(0).members.at(0).message, "part");
  EXPECT_EQ(out.result.status.code(), ExitStatus::kInternal);
  EXPECT_EQ(out.status, ExitStatus::kInternal);
  EXPECT_EQ(out.errors, in.errors);
  // Every cut is refused, and so is trailing garbage.
  for (size_t n = 0; n < bytes.size(); ++n) EXPECT_FALSE(DecodeOutcome(bytes.substr(0, n), &out)) << n;
  EXPECT_FALSE(DecodeOutcome(bytes + "x", &out));
}

TEST(IsolationTest, CrashAndHangCostOnlyTheirOwnReport) {
  const std::vector<std::string> paths = {"a.txt", "crash.txt", "b.txt", "hang.txt", "c.txt"};
  IsolationOptions options;
  options.jobs = 3;
  options.timeout_seconds = 0.5;
  std::vector<AuditOutcome> out = AuditIsolated(paths, options, [&](size_t i, ChildChannel* channel) {
    AuditOutcome o = Sample(paths[i]);
    o.errors.clear();
    o.status = ExitStatus::kOk;
    channel->Snapshot(o);
    channel->Running("p" + std::to_string(i));
    if (i == 1) std::abort();
    if (i == 3) {
      for (;;) ::pause();
    }
    if (i == 0) ::usleep(100000);  // finishes after later reports: the order must not change
    channel->Snapshot(o);
  });
  ASSERT_EQ(out.size(), paths.size());
  for (size_t i : {0, 2, 4}) {
    EXPECT_EQ(out[i].status, ExitStatus::kOk) << i;
    EXPECT_TRUE(out[i].errors.empty()) << i;
    EXPECT_EQ(out[i].result.path, paths[i]);
    ASSERT_EQ(out[i].result.findings.size(), 1u);
  }
  EXPECT_EQ(out[1].status, ExitStatus::kInternal);
  EXPECT_EQ(out[1].errors, std::vector<std::string>{"crash.txt: plugin 'p1' crashed: signal 6 (Aborted)"});
  ASSERT_EQ(out[1].result.findings.size(), 2u);  // the snapshot's finding is kept
  EXPECT_EQ(out[1].result.findings[0].rule, "esgaudit.plugin-crash");
  EXPECT_EQ(out[1].result.findings[0].location.line, 0u);
  EXPECT_EQ(out[3].errors,
            std::vector<std::string>{"hang.txt: plugin 'p3' did not finish within 0.5 s and was stopped"});
  EXPECT_EQ(out[3].result.findings.at(0).rule, "esgaudit.plugin-timeout");
}

TEST(IsolationTest, ACrashBeforeAnySnapshotLeavesOnlyTheErrorLine) {
  std::vector<AuditOutcome> out =
      AuditIsolated({"x.pdf"}, IsolationOptions(), [](size_t, ChildChannel*) { std::abort(); });
  ASSERT_EQ(out.size(), 1u);
  EXPECT_FALSE(out[0].loaded);
  EXPECT_EQ(out[0].result.path, "x.pdf");
  EXPECT_EQ(out[0].errors, std::vector<std::string>{"x.pdf: the audit crashed: signal 6 (Aborted)"});
  EXPECT_EQ(out[0].status, ExitStatus::kInternal);
}

}  // namespace
}  // namespace esgaudit
