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
  // The outcome so far: a crash later keeps what is in the last snapshot.
  void Snapshot(const AuditOutcome& outcome);
  // The audit of the report ran to its end (AuditIsolated sends it when `audit` returns), with the
  // pattern sets the child compiled: the parent keeps them, so the children it forks later need not
  // compile them.
  void Done();

 private:
  void Send(char type, std::string_view payload);
  int fd_;
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
// the child exits without running destructors after its group. The report a child is auditing when
// it dies (a signal, an exit before the report is done) gets an esgaudit.plugin-crash finding; one
// still running `timeout_seconds` after its report began is killed and that report gets
// esgaudit.plugin-timeout; either keeps the findings of the report's last snapshot and makes its
// status internal (exit 3). The reports of the group the child had not reached are audited by a new
// child, so a crash or hang costs only its own report. paths[i] names input i in messages.
// REQUIRES: the calling process runs no other thread (fork copies only the calling thread).
std::vector<AuditOutcome> AuditIsolated(const std::vector<std::string>& paths, const IsolationOptions& options,
                                        const std::function<void(size_t, ChildChannel*)>& audit);

}  // namespace esgaudit

#endif  // ESGAUDIT_ISOLATION_H_
