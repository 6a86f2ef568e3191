// Auditing reports in child processes, so a plugin that crashes or hangs costs only its own report.
#ifndef ESGAUDIT_ISOLATION_H_
#define ESGAUDIT_ISOLATION_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "esgaudit/exit_status.h"
#include "esgaudit/finding.h"

namespace esgaudit {

// What auditing one input produced.
struct AuditOutcome {
  ReportResult result;
  bool loaded = false;              // the input was read and decoded (its results are printed)
  std::vector<std::string> errors;  // one-line stderr messages, in order
  ExitStatus status = ExitStatus::kOk;
};

// The binary form of an outcome (CBOR of its JSON mapping), passed from a child to its parent.
// Decode returns false on truncated or malformed bytes. Every field of AuditOutcome, ReportResult,
// Finding, CoverageRecord and RelationRecord is carried: a new field must be added to the mapping
// in core/src/plugin/outcome_json.h (a unit test fails until it is).
std::string EncodeOutcome(const AuditOutcome& outcome);
bool DecodeOutcome(std::string_view bytes, AuditOutcome* outcome);

// The child's side of the pipe to its parent.
class ChildChannel {
 public:
  explicit ChildChannel(int fd) : fd_(fd) {}
  // The audit of the child's next report begins (AuditIsolated sends it before calling `audit`).
  void Begin();
  // Which plugin runs from now on (named in the crash or timeout finding).
  void Running(const std::string& plugin);
  // The outcome so far: a crash later keeps what is in the last snapshot. Only what is new since the
  // report's last snapshot is sent (the findings, coverage and relation records and error lines past
  // those already sent, with the other fields), so a snapshot after each plugin costs that plugin's
  // findings, not all of the report's again. REQUIRES: between two snapshots of one report the lists
  // only grow at their end (a list that got shorter is sent whole; one reordered or changed in place
  // is not seen).
  void Snapshot(const AuditOutcome& outcome);
  // The audit of the report ran to its end (AuditIsolated sends it when `audit` returns), with the
  // pattern sets the child compiled: the parent keeps them, so the children it forks later need not
  // compile them.
  void Done();

 private:
  void Send(char type, std::string_view payload);
  int fd_;
  // How much of the report's outcome has been sent (reset by Begin).
  size_t findings_sent_ = 0, coverage_sent_ = 0, relations_sent_ = 0, errors_sent_ = 0;
};

struct IsolationOptions {
  unsigned jobs = 1;               // children running at a time
  double timeout_seconds = 300;    // per report; <= 0 waits for ever
  size_t reports_per_child = 16;   // at most this many reports audited one after another by one child
};

// Runs audit(i, channel) for every i in [0, count) in child processes (fork), at most `jobs` at a
// time, and returns the outcomes in index order whatever the order they finished in. A child audits
// a group of reports one after another (at most reports_per_child; fewer as the batch nears its end,
// so the children end together), which spares a fork and the page faults per report; each report's
// outcome comes back as soon as it is done. `audit` must send its outcome through channel.Snapshot;
// `finish`, when given, is applied in the parent to the outcome of each report that ran to its end
// (not to one whose child crashed or was stopped), so the child need not send it again reordered;
// the child exits without running destructors after its group. The report a child is auditing when
// it dies (a signal, an exit before the report is done) gets an esgaudit.plugin-crash finding; one
// still running `timeout_seconds` after its report began is killed and that report gets
// esgaudit.plugin-timeout; either keeps the findings of the report's last snapshot and makes its
// status internal (exit 3). The reports of the group the child had not reached are audited by a new
// child, so a crash or hang costs only its own report. paths[i] names input i in messages.
// REQUIRES: the calling process runs no other thread (fork copies only the calling thread).
std::vector<AuditOutcome> AuditIsolated(const std::vector<std::string>& paths, const IsolationOptions& options,
                                        const std::function<void(size_t, ChildChannel*)>& audit,
                                        const std::function<void(size_t, AuditOutcome*)>& finish = nullptr);

}  // namespace esgaudit

#endif  // ESGAUDIT_ISOLATION_H_
