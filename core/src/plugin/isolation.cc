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

struct Child {
  size_t index = 0;
  pid_t pid = -1;
  int fd = -1;
  std::string bytes;
  std::chrono::steady_clock::time_point deadline;
  bool eof = false;
  bool timed_out = false;
};

// Turns the records a child sent, and how it ended, into the outcome of its report.
AuditOutcome Finish(const Child& c, const std::string& path, int wait_status, double timeout) {
  AuditOutcome outcome;
  outcome.result.path = path;
  std::string running;
  std::vector<std::string_view> compiled;   // pattern sets the child compiled ('C' records)
  std::vector<std::string_view> snapshots;  // the outcome after each step, in order ('S' records)
  bool final = false;
  std::string_view in(c.bytes);
  // Records: a type byte ('P' plugin name, 'S' snapshot, 'C' a compiled pattern set, 'F' done), a
  // 64-bit length, the payload.
  while (in.size() >= 9) {
    char type = in[0];
    uint64_t n;
    std::memcpy(&n, in.data() + 1, sizeof n);
    if (n > in.size() - 9) break;  // cut off by the crash
    std::string_view payload = in.substr(9, n);
    in.remove_prefix(9 + n);
    if (type == 'P') running = std::string(payload);
    if (type == 'F') final = true;
    if (type == 'C') compiled.emplace_back(payload);
    if (type == 'S') snapshots.push_back(payload);
  }
  // The last snapshot that decodes (each holds all of the ones before it).
  for (auto it = snapshots.rbegin(); it != snapshots.rend(); ++it) {
    AuditOutcome o;
    if (DecodeOutcome(*it, &o)) {
      outcome = std::move(o);
      break;
    }
  }
  const bool clean = WIFEXITED(wait_status) && WEXITSTATUS(wait_status) == 0;
  if (final && clean && !c.timed_out) {
    for (std::string_view set : compiled) AdoptCompiledSet(set);  // for the children forked from now on
    return outcome;
  }

  std::string what = running.empty() ? "the audit" : "plugin '" + running + "'";
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
  size_t next = 0;
  const unsigned jobs = std::max(1u, options.jobs);
  const bool bounded = options.timeout_seconds > 0;
  const auto timeout = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(bounded ? options.timeout_seconds : 0));

  auto start = [&](size_t i) {
    int fds[2];
    if (::pipe(fds) != 0) {
      outcomes[i].result.path = paths[i];
      outcomes[i].errors.push_back(paths[i] + ": cannot create a pipe for the child process: " + std::strerror(errno));
      outcomes[i].status = ExitStatus::kInternal;
      return;
    }
    pid_t pid = ::fork();
    if (pid == 0) {
      ::close(fds[0]);
      ::signal(SIGPIPE, SIG_DFL);
      ChildChannel channel(fds[1]);
      audit(i, &channel);
      channel.Done();
      ::_exit(0);
    }
    ::close(fds[1]);
    if (pid < 0) {
      ::close(fds[0]);
      outcomes[i].result.path = paths[i];
      outcomes[i].errors.push_back(paths[i] + ": cannot start a child process: " + std::strerror(errno));
      outcomes[i].status = ExitStatus::kInternal;
      return;
    }
    Child c;
    c.index = i;
    c.pid = pid;
    c.fd = fds[0];
    c.deadline = Clock::now() + timeout;
    running.push_back(std::move(c));
  };

  while (next < paths.size() || !running.empty()) {
    while (next < paths.size() && running.size() < jobs) start(next++);
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
      }
      outcomes[c.index] = Finish(c, paths[c.index], wait_status, options.timeout_seconds);
      it = running.erase(it);
    }
  }
  return outcomes;
}

}  // namespace esgaudit
