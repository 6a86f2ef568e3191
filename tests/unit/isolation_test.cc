// Isolated audits: the outcome's binary form, and children that crash, hang or finish out of order.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <thread>
#include <utility>

#include "esgaudit/document.h"
#include "esgaudit/isolation.h"
#include "analyse/pattern_scan.h"
#include "plugin/outcome_json.h"

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

// The number of fields of an aggregate: the most initialisers T{...} accepts.
struct AnyField {
  template <typename T>
  operator T() const;
};
template <typename T, typename Seq, typename = void>
struct BraceInit : std::false_type {};
template <typename T, size_t... I>
struct BraceInit<T, std::index_sequence<I...>, std::void_t<decltype(T{(void(I), AnyField{})...})>>
    : std::true_type {};
template <typename T, size_t N = 0>
constexpr size_t FieldCount() {
  if constexpr (BraceInit<T, std::make_index_sequence<N + 1>>::value)
    return FieldCount<T, N + 1>();
  else
    return N;
}

template <typename T>
size_t KeysOf() {
  return nlohmann::json(T{}).size();
}

TEST(IsolationTest, EveryFieldOfTheOutcomeIsCarried) {
  // A field added to one of these structs and not to outcome_json.h makes its counts differ.
  EXPECT_EQ(KeysOf<Location>(), FieldCount<Location>());
  EXPECT_EQ(KeysOf<Related>(), FieldCount<Related>());
  EXPECT_EQ(KeysOf<Suppression>(), FieldCount<Suppression>());
  EXPECT_EQ(KeysOf<Finding>(), FieldCount<Finding>());
  EXPECT_EQ(KeysOf<CoverageRecord>(), FieldCount<CoverageRecord>());
  EXPECT_EQ(KeysOf<RelationRecord>(), FieldCount<RelationRecord>());
  EXPECT_EQ(KeysOf<ReportResult>(), FieldCount<ReportResult>());
  EXPECT_EQ(KeysOf<AuditOutcome>(), FieldCount<AuditOutcome>());
  EXPECT_GE(FieldCount<Finding>(), 11u);  // the counter itself counts
}

TEST(IsolationTest, EveryValueSurvivesTheRoundTrip) {
  AuditOutcome in = Sample("r.txt");
  Finding& f = in.result.findings.at(0);
  f.suppression = {"waiver", "accepted", "auditor", "2027-01-31", "waivers.ini:3"};
  f.location.page = 2;
  f.evidence = std::string("bytes \xff\xfe not UTF-8");
  in.result.path = std::string("r\xe9port.txt");  // a file name in Latin-1
  in.result.lang = "zh";
  AuditOutcome out;
  ASSERT_TRUE(DecodeOutcome(EncodeOutcome(in), &out));
  // Compared as JSON (every field, see above), and a few values directly.
  EXPECT_EQ(nlohmann::json(out), nlohmann::json(in));
  EXPECT_EQ(out.result.findings.at(0).suppression.approver, "auditor");
  EXPECT_EQ(out.result.findings.at(0).evidence, f.evidence);
  EXPECT_EQ(out.result.path, in.result.path);
  EXPECT_EQ(out.result.lang, "zh");
  EXPECT_EQ(out.result.findings.at(0).location.page, 2u);
  // A corrupt severity reads back in range.
  nlohmann::json j(in);
  j["result"]["findings"][0]["severity"] = "fatal";
  std::vector<uint8_t> cbor = nlohmann::json::to_cbor(j);
  ASSERT_TRUE(DecodeOutcome(std::string(cbor.begin(), cbor.end()), &out));
  EXPECT_EQ(out.result.findings.at(0).severity, ESGAUDIT_INFO);
}

std::string Cbor(const nlohmann::json& j) {
  std::vector<uint8_t> cbor = nlohmann::json::to_cbor(j);
  return std::string(cbor.begin(), cbor.end());
}

// Numbers and lengths at each boundary of CBOR's shortest forms, bytes that are not UTF-8, enum values
// out of their lists, empty and long lists: the outcome's writer gives exactly to_cbor's bytes.
AuditOutcome Boundaries() {
  AuditOutcome o = Sample("r.txt");
  const uint64_t numbers[] = {0, 23, 24, 255, 256, 65535, 65536, 4294967295u, 4294967296u, UINT64_MAX};
  const size_t lengths[] = {0, 23, 24, 255, 256, 65535, 65536};
  Finding f = o.result.findings.at(0);
  const Related related = f.related.at(0);
  for (size_t k = 0; k < std::size(numbers); ++k) {
    f.location.offset = numbers[k];
    f.location.length = numbers[std::size(numbers) - 1 - k];
    f.location.line = static_cast<uint32_t>(std::min<uint64_t>(numbers[k], UINT32_MAX));
    f.source_column = static_cast<uint32_t>(numbers[k] & 0xffffffffu);
    f.message = std::string(lengths[k % std::size(lengths)], 'm');
    f.evidence = std::string("\xff\xfe") + std::string(k, '\0');
    f.severity = static_cast<esgaudit_severity>(k % 4);  // 3 is in no list (and in the enum's range)
    f.related.assign(k * 3, related);                      // 0 to 27 elements
    o.result.findings.push_back(f);
  }
  o.result.page_count = UINT32_MAX;
  o.result.coverage.push_back({"gri", "2-1", "", static_cast<esgaudit_coverage_status>(3), {}});
  o.status = static_cast<ExitStatus>(7);
  o.result.status = Status::InputError(std::string(300, 'x'));
  o.errors.assign(30, "e");
  return o;
}

TEST(IsolationTest, TheOutcomeIsWrittenAsTheCborOfItsJsonMapping) {
  AuditOutcome o = Boundaries();
  EXPECT_EQ(EncodeOutcome(o), Cbor(nlohmann::json(o)));
  EXPECT_EQ(EncodeOutcome(AuditOutcome()), Cbor(nlohmann::json(AuditOutcome())));
  AuditOutcome out;
  ASSERT_TRUE(DecodeOutcome(EncodeOutcome(o), &out));
  EXPECT_EQ(out.result.findings.size(), 11u);
  EXPECT_EQ(out.result.findings.back().location.offset, UINT64_MAX);
}

// The records a ChildChannel wrote to a pipe: (type, payload), in order.
std::vector<std::pair<char, std::string>> Records(const std::function<void(ChildChannel*)>& send) {
  int fds[2];
  EXPECT_EQ(::pipe(fds), 0);
  std::string bytes;
  std::thread reader([&] {
    char buf[4096];
    for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) bytes.append(buf, static_cast<size_t>(n));
  });
  {
    ChildChannel channel(fds[1]);
    send(&channel);
  }
  ::close(fds[1]);
  reader.join();
  ::close(fds[0]);
  std::vector<std::pair<char, std::string>> records;
  for (size_t at = 0; at + 9 <= bytes.size();) {
    uint64_t n;
    std::memcpy(&n, bytes.data() + at + 1, sizeof n);
    records.emplace_back(bytes[at], bytes.substr(at + 9, n));
    at += 9 + n;
  }
  return records;
}

TEST(IsolationTest, EachSnapshotIsTheCborOfWhatIsNew) {
  AuditOutcome first = Sample("r.txt");
  AuditOutcome second = Boundaries();  // Sample's lists, each with more after them
  AuditOutcome shorter = first;
  shorter.errors.clear();
  const auto records = Records([&](ChildChannel* channel) {
    channel->Begin();
    channel->Snapshot(first);
    channel->Snapshot(second);
    channel->Snapshot(shorter);
  });
  ASSERT_EQ(records.size(), 4u);
  EXPECT_EQ(records[0].first, 'B');
  // The first snapshot of a report sends everything; the second only the lists' new elements, with the
  // single fields; a list that got shorter sends the whole outcome.
  EXPECT_EQ(records[1], std::make_pair('A', EncodeOutcome(first)));
  AuditOutcome what_is_new = second;
  auto drop = [](auto* list, size_t n) { list->erase(list->begin(), list->begin() + n); };
  drop(&what_is_new.result.findings, first.result.findings.size());
  drop(&what_is_new.result.coverage, first.result.coverage.size());
  drop(&what_is_new.result.relations, first.result.relations.size());
  drop(&what_is_new.errors, first.errors.size());
  EXPECT_EQ(what_is_new.result.findings.size(), 10u);
  EXPECT_EQ(records[2], std::make_pair('A', Cbor(nlohmann::json(what_is_new))));
  EXPECT_EQ(records[3], std::make_pair('S', Cbor(nlohmann::json(shorter))));
}

TEST(IsolationTest, ARecordOfAnotherShapeIsRefusedAndCorruptBytesNeverCrash) {
  const nlohmann::json good(Sample("r.txt"));
  AuditOutcome out;
  ASSERT_TRUE(DecodeOutcome(Cbor(good), &out));
  // Each of these changes makes the record one the mapping does not describe.
  std::vector<nlohmann::json> bad(8, good);
  bad[0]["result"].erase("lang");                                  // a key missing
  bad[1]["result"]["findings"][0]["location"]["line"] = "2";       // a string for a number
  bad[2]["result"]["findings"][0]["location"]["offset"] = -1;      // a negative number
  bad[3]["result"]["page_count"] = uint64_t{1} << 40;              // too large for its field
  bad[4]["loaded"] = 1;                                            // a number for a bool
  bad[5]["errors"] = "one";                                        // a string for a list
  bad[6]["result"]["findings"][0]["related"][0] = nullptr;        // null for an object
  bad[7] = nlohmann::json::array({good});                          // not an object at the top
  for (size_t k = 0; k < bad.size(); ++k) {
    out = AuditOutcome();
    out.result.path = "kept";
    EXPECT_FALSE(DecodeOutcome(Cbor(bad[k]), &out)) << k;
    EXPECT_EQ(out.result.path, "kept") << k;  // a refused record leaves the outcome alone
  }
  // A key the mapping does not know is skipped, whatever its value.
  nlohmann::json extra = good;
  extra["result"]["findings"][0]["later"] = {{"a", {1, 2, {{"b", nullptr}}}}, {"c", 1.5}};
  ASSERT_TRUE(DecodeOutcome(Cbor(extra), &out));
  EXPECT_EQ(nlohmann::json(out), good);
  // A key twice is refused (its list would be read twice).
  std::string twice = Cbor(good);
  const std::string loaded = Cbor("loaded");
  const size_t at = twice.find(loaded);
  ASSERT_NE(at, std::string::npos);
  twice.replace(at, loaded.size(), Cbor("status"));  // "loaded": true becomes a second "status"
  EXPECT_FALSE(DecodeOutcome(twice, &out));
  // Every byte flipped in turn: decoded or refused, never a crash or a huge allocation (ASan checks).
  const std::string bytes = Cbor(good);
  for (size_t n = 0; n < bytes.size(); ++n) {
    for (unsigned char x : {0x01, 0x20, 0xff}) {
      std::string corrupt = bytes;
      corrupt[n] = static_cast<char>(corrupt[n] ^ x);
      AuditOutcome o;
      (void)DecodeOutcome(corrupt, &o);
    }
  }
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

TEST(IsolationTest, ACrashOrHangInTheMiddleOfAGroupCostsOnlyItsReport) {
  // One job: the first child is given several reports. Report 2 crashes and report 5 hangs: each
  // gets its own finding, the reports before them in their child are kept, and those after them
  // are audited by a new child. The outcome records the pid of the child that audited it.
  std::vector<std::string> paths;
  for (int i = 0; i < 9; ++i) paths.push_back("r" + std::to_string(i) + ".txt");
  IsolationOptions options;
  options.jobs = 1;
  options.timeout_seconds = 2;  // a loaded machine may leave a child without a core for a while
  options.reports_per_child = 4;
  std::vector<AuditOutcome> out = AuditIsolated(paths, options, [&](size_t i, ChildChannel* channel) {
    AuditOutcome o = Sample(paths[i]);
    o.errors.clear();
    o.status = ExitStatus::kOk;
    o.result.encoding = std::to_string(::getpid());
    channel->Snapshot(o);
    channel->Running("p" + std::to_string(i));
    if (i == 2) std::abort();
    if (i == 5) {
      for (;;) ::pause();
    }
    channel->Snapshot(o);
  });
  ASSERT_EQ(out.size(), paths.size());
  for (size_t i : {0, 1, 3, 4, 6, 7, 8}) {
    EXPECT_EQ(out[i].status, ExitStatus::kOk) << i;
    EXPECT_TRUE(out[i].errors.empty()) << i;
    EXPECT_EQ(out[i].result.path, paths[i]) << i;
    ASSERT_EQ(out[i].result.findings.size(), 1u) << i;
  }
  EXPECT_EQ(out[2].errors, std::vector<std::string>{"r2.txt: plugin 'p2' crashed: signal 6 (Aborted)"});
  ASSERT_EQ(out[2].result.findings.size(), 2u);  // the snapshot's finding is kept
  EXPECT_EQ(out[2].result.findings[0].rule, "esgaudit.plugin-crash");
  EXPECT_EQ(out[5].errors,
            std::vector<std::string>{"r5.txt: plugin 'p5' did not finish within 2 s and was stopped"});
  EXPECT_EQ(out[5].result.findings.at(0).rule, "esgaudit.plugin-timeout");
  // Grouped: reports 0 to 2 in one child; 3 and 4 in the next, after the crash.
  EXPECT_EQ(out[0].result.encoding, out[1].result.encoding);
  EXPECT_EQ(out[1].result.encoding, out[2].result.encoding);
  EXPECT_NE(out[2].result.encoding, out[3].result.encoding);
  EXPECT_EQ(out[3].result.encoding, out[4].result.encoding);
  EXPECT_NE(out[5].result.encoding, out[6].result.encoding);
}

TEST(IsolationTest, ATimeoutIsPerReportNotPerChild) {
  // Four reports of 0.5 s each in one child with a timeout of 1.5 s: none is stopped.
  const std::vector<std::string> paths = {"a.txt", "b.txt", "c.txt", "d.txt"};
  IsolationOptions options;
  options.jobs = 1;
  options.timeout_seconds = 1.5;
  options.reports_per_child = 4;
  std::vector<AuditOutcome> out = AuditIsolated(paths, options, [&](size_t i, ChildChannel* channel) {
    ::usleep(500000);
    AuditOutcome o;
    o.loaded = true;
    o.result.path = paths[i];
    o.result.encoding = std::to_string(::getpid());
    channel->Snapshot(o);
  });
  ASSERT_EQ(out.size(), paths.size());
  for (size_t i = 0; i < paths.size(); ++i) {
    EXPECT_TRUE(out[i].errors.empty()) << i;
    EXPECT_EQ(out[i].status, ExitStatus::kOk) << i;
    EXPECT_EQ(out[i].result.encoding, out[0].result.encoding) << i;  // one child for all
  }
}

TEST(IsolationTest, ALaterChildInheritsThePatternsAnEarlierOneCompiled) {
  // One child at a time: the first compiles the set and hands it over when it is done; the second
  // finds it compiled (it compiles nothing itself) and gets the same matches.
  const std::vector<PatternSpec> set = {{"inherited-keyword", 0}, {"inherited-\\d\\d", ESGAUDIT_PATTERN_REGEX}};
  const std::string text = "inherited-keyword inherited-12";
  TakeCompiledSets();  // sets compiled by earlier tests are not the children's
  IsolationOptions options;
  options.jobs = 1;
  std::vector<AuditOutcome> out = AuditIsolated({"first.txt", "second.txt"}, options, [&](size_t i, ChildChannel* channel) {
    AuditOutcome o;
    std::vector<esgaudit_match> m;
    o.loaded = ScanPatterns(set, text, &m).ok();
    o.result.page_count = static_cast<uint32_t>(m.size());
    if (i == 1) o.errors.push_back("compiled " + std::to_string(TakeCompiledSets().size()));
    channel->Snapshot(o);
  });
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].loaded && out[1].loaded);
  EXPECT_EQ(out[0].result.page_count, 2u);
  EXPECT_EQ(out[1].result.page_count, 2u);
  EXPECT_EQ(out[1].errors, std::vector<std::string>{"compiled 0"});
}

// What three plugins add to report `path` in turn, as audit.cc runs them: a snapshot before each
// (then its name), each adding a finding, a coverage record, a relation and an error line.
AuditOutcome ThreePlugins(const std::string& path, ChildChannel* channel, int crash_in) {
  AuditOutcome o = Sample(path);
  for (int k = 0; k < 3; ++k) {
    if (channel != nullptr) {
      channel->Snapshot(o);
      channel->Running("p" + std::to_string(k));
    }
    if (k == crash_in) std::abort();
    Finding f = o.result.findings.front();
    f.rule = "x.rule-" + std::to_string(k);
    f.message = "from p" + std::to_string(k);
    o.result.findings.push_back(f);
    o.result.coverage.push_back(o.result.coverage.front());
    o.result.coverage.back().id = "c" + std::to_string(k);
    o.result.relations.push_back(o.result.relations.front());
    o.errors.push_back(path + ": p" + std::to_string(k));
    o.result.page_count = 10 + k;  // a single field: the last snapshot's value counts
  }
  return o;
}

TEST(IsolationTest, EachSnapshotSendsWhatIsNewAndACrashKeepsWhatThePluginsBeforeAdded) {
  // Report 0 runs to its end: the parent's outcome is the child's, field for field, finished in
  // the parent. Report 1 crashes in its third plugin: the findings of the first two are kept, not
  // finished.
  const std::vector<std::string> paths = {"whole.txt", "crash.txt"};
  IsolationOptions options;
  options.jobs = 1;
  std::vector<AuditOutcome> out = AuditIsolated(
      paths, options,
      [&](size_t i, ChildChannel* channel) { channel->Snapshot(ThreePlugins(paths[i], channel, i == 1 ? 2 : -1)); },
      [](size_t i, AuditOutcome* o) { o->result.encoding = "finished " + std::to_string(i); });
  ASSERT_EQ(out.size(), 2u);
  AuditOutcome want = ThreePlugins("whole.txt", nullptr, -1);
  want.result.encoding = "finished 0";
  EXPECT_EQ(nlohmann::json(out[0]), nlohmann::json(want));
  EXPECT_EQ(out[0].result.findings.size(), 4u);
  EXPECT_EQ(out[0].result.page_count, 12u);

  const AuditOutcome& crashed = out[1];
  EXPECT_EQ(crashed.result.encoding, "gb18030");  // not finished
  std::vector<std::string> rules;
  for (const Finding& f : crashed.result.findings) rules.push_back(f.rule);
  std::sort(rules.begin(), rules.end());
  EXPECT_EQ(rules, (std::vector<std::string>{"esgaudit.plugin-crash", "numeric.percent-sum", "x.rule-0", "x.rule-1"}));
  EXPECT_EQ(crashed.result.coverage.size(), 3u);
  EXPECT_EQ(crashed.result.relations.size(), 3u);
  EXPECT_EQ(crashed.result.page_count, 11u);
  EXPECT_EQ(crashed.errors.back(), "crash.txt: plugin 'p2' crashed: signal 6 (Aborted)");
  EXPECT_EQ(crashed.errors.size(), 4u);  // the sample's, p0's, p1's and the crash
}

TEST(IsolationTest, ASnapshotWithShorterListsReplacesTheOutcome) {
  std::vector<AuditOutcome> out = AuditIsolated({"a.txt"}, IsolationOptions(), [](size_t, ChildChannel* channel) {
    AuditOutcome o = Sample("a.txt");
    o.result.findings.push_back(o.result.findings.front());
    channel->Snapshot(o);
    o.result.findings.pop_back();
    o.errors.clear();
    channel->Snapshot(o);
  });
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].result.findings.size(), 1u);
  EXPECT_TRUE(out[0].errors.empty());
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
