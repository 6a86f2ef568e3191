#include "esgaudit/isolation.h"

#include "esgaudit/document.h"
#include "analyse/pattern_scan.h"
#include "plugin/outcome_json.h"

#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstring>
#include <deque>

namespace esgaudit {
namespace {

void WriteAll(int fd, std::string_view data) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) ::_exit(4);  // the parent is gone: nobody to report to
    data.remove_prefix(static_cast<size_t>(n));
  }
}

std::string SignalName(int sig) {
  const char* name = ::strsignal(sig);
  return "signal " + std::to_string(sig) + (name ? std::string(" (") + name + ")" : "");
}

// One child process and the reports it was given (a group: it audits them in order).
struct Child {
  std::vector<size_t> group;  // report indices, in the order the child audits them
  size_t begun = 0;           // reports of the group the child has started ('B' records)
  size_t done = 0;            // reports of the group it finished ('F' records)
  pid_t pid = -1;
  int fd = -1;
  std::string bytes;          // received, not yet parsed (at most a partial record)
  // The report under way: the plugin running and the outcome snapshots, in order.
  std::string running;
  std::vector<std::string> snapshots;
  std::vector<std::string> compiled;  // pattern sets the child compiled ('C' records)
  std::chrono::steady_clock::time_point deadline;
  bool eof = false;
  bool timed_out = false;
};

// The last snapshot that decodes (each holds all of the ones before it); an empty outcome if none.
AuditOutcome LastSnapshot(const std::vector<std::string>& snapshots, const std::string& path) {
  for (auto it = snapshots.rbegin(); it != snapshots.rend(); ++it) {
    AuditOutcome o;
    if (DecodeOutcome(*it, &o)) return o;
  }
  AuditOutcome o;
  o.result.path = path;
  return o;
}

// The outcome of a report whose child died or was stopped while auditing it: the findings of the
// last snapshot and a plugin-crash or plugin-timeout finding.
AuditOutcome Failed(const Child& c, const std::string& path, int wait_status, double timeout) {
  AuditOutcome outcome = LastSnapshot(c.snapshots, path);
  std::string what = c.running.empty() ? "the audit" : "plugin '" + c.running + "'";
  Finding f;
  f.severity = ESGAUDIT_ERROR;
  f.location.file = path;
  if (c.timed_out) {
    char secs[32];
    std::snprintf(secs, sizeof secs, "%g", timeout);
    f.rule = "esgaudit.plugin-timeout";
    f.message = what + " did not finish within " + secs + " s and was stopped";
  } else {
    f.rule = "esgaudit.plugin-crash";
    f.message = what + " crashed: " +
                (WIFSIGNALED(wait_status) ? SignalName(WTERMSIG(wait_status))
                                          : "exit code " + std::to_string(WEXITSTATUS(wait_status)));
  }
  outcome.errors.push_back(path + ": " + f.message);
  outcome.status = Worse(outcome.status, ExitStatus::kInternal);
  if (outcome.loaded) {  // a report never loaded has no findings to print: the stderr line says it
    outcome.result.findings.push_back(std::move(f));
    Canonicalize(&outcome.result);
  }
  return outcome;
}

// How many reports the next child gets: with several jobs, guided by what is left, so the last
// children get one report each and the jobs end together; never more than `most`.
size_t GroupSize(size_t left, unsigned jobs, size_t most) {
  size_t n = jobs <= 1 ? left : (left + 2 * jobs - 1) / (2 * jobs);
  return std::max<size_t>(1, std::min(n, std::max<size_t>(1, most)));
}

// Builds once, in the parent, the core's lazily made state (ICU normalizer and the
// Traditional-to-Simplified transliterator, about 170 ms; the fact reader's tables), so each child
// inherits it instead of making it again. Plugins are not run here: a crashing plugin must not take
// the parent down.
void WarmUpCore() {
  Document::FromUtf8("warm-up", "本報告範圍們個這與為會發經對業產國 員工總數12,375人，女性佔21.5%\n");
}

}  // namespace

std::string EncodeOutcome(const AuditOutcome& o) {
  // CBOR keeps strings as bytes: a path that is not UTF-8 survives, where JSON text would refuse it.
  std::vector<uint8_t> cbor = nlohmann::json::to_cbor(nlohmann::json(o));
  return std::string(cbor.begin(), cbor.end());
}

bool DecodeOutcome(std::string_view bytes, AuditOutcome* out) {
  nlohmann::json j = nlohmann::json::from_cbor(bytes.begin(), bytes.end(), /*strict=*/true,
                                               /*allow_exceptions=*/false);
  if (j.is_discarded()) return false;
  try {
    AuditOutcome o = j.get<AuditOutcome>();
    *out = std::move(o);
    return true;
  } catch (const nlohmann::json::exception&) {  // well-formed CBOR of another shape
    return false;
  }
}

void ChildChannel::Send(char type, std::string_view payload) {
  std::string record(1, type);
  uint64_t n = payload.size();
  record.append(reinterpret_cast<const char*>(&n), sizeof n);
  record.append(payload);
  WriteAll(fd_, record);
}

void ChildChannel::Begin() { Send('B', ""); }
void ChildChannel::Running(const std::string& plugin) { Send('P', plugin); }
void ChildChannel::Snapshot(const AuditOutcome& outcome) { Send('S', EncodeOutcome(outcome)); }
void ChildChannel::Done() {
  for (const std::string& set : TakeCompiledSets()) Send('C', set);
  Send('F', "");
}

std::vector<AuditOutcome> AuditIsolated(const std::vector<std::string>& paths, const IsolationOptions& options,
                                        const std::function<void(size_t, ChildChannel*)>& audit) {
  using Clock = std::chrono::steady_clock;
  std::vector<AuditOutcome> outcomes(paths.size());
  if (paths.empty()) return outcomes;
  WarmUpCore();
  std::deque<Child> running;
  std::deque<size_t> pending;  // reports no child has been given, or whose child died before them
  for (size_t i = 0; i < paths.size(); ++i) pending.push_back(i);
  const unsigned jobs = std::max(1u, options.jobs);
  const bool bounded = options.timeout_seconds > 0;
  const auto timeout = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(bounded ? options.timeout_seconds : 0));

  auto cannot = [&](const std::vector<size_t>& group, const std::string& what) {
    const std::string why = std::strerror(errno);
    for (size_t i : group) {
      outcomes[i].result.path = paths[i];
      outcomes[i].errors.push_back(paths[i] + ": " + what + why);
      outcomes[i].status = ExitStatus::kInternal;
    }
  };
  auto start = [&]() {
    std::vector<size_t> group;
    const size_t n = GroupSize(pending.size(), jobs, options.reports_per_child);
    for (size_t k = 0; k < n; ++k) {
      group.push_back(pending.front());
      pending.pop_front();
    }
    int fds[2];
    if (::pipe(fds) != 0) return cannot(group, "cannot create a pipe for the child process: ");
    pid_t pid = ::fork();
    if (pid == 0) {
      ::close(fds[0]);
      ::signal(SIGPIPE, SIG_DFL);
      ChildChannel channel(fds[1]);
      for (size_t i : group) {
        channel.Begin();
        audit(i, &channel);
        channel.Done();
      }
      ::_exit(0);
    }
    ::close(fds[1]);
    if (pid < 0) {
      ::close(fds[0]);
      return cannot(group, "cannot start a child process: ");
    }
    Child c;
    c.group = std::move(group);
    c.pid = pid;
    c.fd = fds[0];
    c.deadline = Clock::now() + timeout;
    running.push_back(std::move(c));
  };
  // Parses the complete records received from c: a type byte ('B' a report begins, 'P' plugin name,
  // 'S' snapshot, 'C' a compiled pattern set, 'F' the report is done), a 64-bit length, the payload.
  // A report done is finished here, so its bytes are not kept while the child goes on.
  auto parse = [&](Child& c) {
    std::string_view in(c.bytes);
    while (in.size() >= 9) {
      char type = in[0];
      uint64_t n;
      std::memcpy(&n, in.data() + 1, sizeof n);
      if (n > in.size() - 9) break;  // not all here yet
      std::string_view payload = in.substr(9, n);
      in.remove_prefix(9 + n);
      if (type == 'B' && c.begun < c.group.size()) {
        ++c.begun;
        c.running.clear();
        c.snapshots.clear();
        c.compiled.clear();
        c.deadline = Clock::now() + timeout;  // the timeout is per report
      }
      if (type == 'P') c.running = std::string(payload);
      if (type == 'S') c.snapshots.emplace_back(payload);
      if (type == 'C') c.compiled.emplace_back(payload);
      if (type == 'F' && c.done < c.begun) {
        const size_t i = c.group[c.done++];
        outcomes[i] = LastSnapshot(c.snapshots, paths[i]);
        for (const std::string& set : c.compiled) AdoptCompiledSet(set);  // for the children forked from now on
        c.running.clear();
        c.snapshots.clear();
        c.compiled.clear();
        c.deadline = Clock::now() + timeout;  // the next report's 'B' may not be here yet
      }
    }
    c.bytes.erase(0, c.bytes.size() - in.size());
  };

  while (!pending.empty() || !running.empty()) {
    while (!pending.empty() && running.size() < jobs) start();
    if (running.empty()) continue;
    std::vector<pollfd> fds;
    for (const Child& c : running) fds.push_back({c.eof ? -1 : c.fd, POLLIN, 0});
    int wait_ms = 1;  // a child at end of file is exiting: poll its status again shortly
    bool any_open = false;
    for (const Child& c : running) any_open = any_open || !c.eof;
    if (any_open) wait_ms = -1;
    if (bounded) {
      auto now = Clock::now();
      for (const Child& c : running) {
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(c.deadline - now).count() + 1;
        left = std::max<long long>(0, left);
        if (wait_ms < 0 || left < wait_ms) wait_ms = static_cast<int>(std::min<long long>(left, 1 << 30));
      }
    }
    int ready = ::poll(fds.data(), fds.size(), wait_ms);
    if (ready < 0 && errno != EINTR) break;
    for (size_t k = 0; k < running.size(); ++k) {
      Child& c = running[k];
      if (c.eof || !(fds[k].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      char buf[65536];
      ssize_t n = ::read(c.fd, buf, sizeof buf);
      if (n > 0) {
        c.bytes.append(buf, static_cast<size_t>(n));
        parse(c);
      } else if (n == 0 || errno != EINTR) {
        c.eof = true;
        ::close(c.fd);
      }
    }
    const auto now = Clock::now();
    for (auto it = running.begin(); it != running.end();) {
      Child& c = *it;
      int wait_status = 0;
      pid_t done = ::waitpid(c.pid, &wait_status, WNOHANG);
      if (done == 0 && bounded && now >= c.deadline) {
        ::kill(c.pid, SIGKILL);
        ::waitpid(c.pid, &wait_status, 0);
        c.timed_out = true;
        done = c.pid;
      }
      if (done != c.pid) {
        ++it;
        continue;
      }
      if (!c.eof) {  // drain what the child wrote before it ended
        char buf[65536];
        ssize_t n;
        while ((n = ::read(c.fd, buf, sizeof buf)) > 0) c.bytes.append(buf, static_cast<size_t>(n));
        ::close(c.fd);
        parse(c);
      }
      if (c.done < c.group.size()) {
        // The child ended before its group was done: the report it was auditing (the first not
        // done, when it died before saying it began one) gets the crash or timeout; the reports it
        // did not reach go to a new child.
        const size_t failed = c.done;
        const size_t i = c.group[failed];
        outcomes[i] = Failed(c, paths[i], wait_status, options.timeout_seconds);
        for (size_t k = c.group.size(); k-- > failed + 1;) pending.push_front(c.group[k]);
      }
      it = running.erase(it);
    }
  }
  return outcomes;
}

}  // namespace esgaudit
