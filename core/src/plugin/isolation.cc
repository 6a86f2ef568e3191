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
  // The report under way: the plugin running and its outcome so far (the snapshots applied in order).
  std::string running;
  AuditOutcome outcome;
  bool has_outcome = false;
  std::vector<std::string> compiled;  // pattern sets the child compiled ('C' records)
  std::chrono::steady_clock::time_point deadline;
  bool eof = false;
  bool timed_out = false;
};

template <typename T>
void Append(std::vector<T>* to, std::vector<T>* from) {
  to->insert(to->end(), std::make_move_iterator(from->begin()), std::make_move_iterator(from->end()));
}

// Applies one snapshot record to the outcome so far: 'S' replaces it, 'A' (what is new) sets the
// single fields and appends to the lists. A record that does not decode is left out (the outcome
// stays as the records before it made it).
void ApplySnapshot(char type, std::string_view payload, Child* c) {
  AuditOutcome o;
  if (!DecodeOutcome(payload, &o)) return;
  if (type == 'S' || !c->has_outcome) {
    c->outcome = std::move(o);
  } else {
    AuditOutcome& to = c->outcome;
    Append(&to.result.findings, &o.result.findings);
    Append(&to.result.coverage, &o.result.coverage);
    Append(&to.result.relations, &o.result.relations);
    Append(&to.errors, &o.errors);
    o.result.findings = std::move(to.result.findings);
    o.result.coverage = std::move(to.result.coverage);
    o.result.relations = std::move(to.result.relations);
    o.errors = std::move(to.errors);
    to = std::move(o);
  }
  c->has_outcome = true;
}

// The outcome so far of the report under way; an empty one naming the path if no snapshot came.
AuditOutcome TakeOutcome(Child* c, const std::string& path) {
  AuditOutcome o;
  if (c->has_outcome) o = std::move(c->outcome);
  else o.result.path = path;
  c->outcome = AuditOutcome();
  c->has_outcome = false;
  return o;
}

// The outcome of a report whose child died or was stopped while auditing it: the findings of the
// last snapshot and a plugin-crash or plugin-timeout finding.
AuditOutcome Failed(Child& c, const std::string& path, int wait_status, double timeout) {
  AuditOutcome outcome = TakeOutcome(&c, path);
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

void ChildChannel::Begin() {
  findings_sent_ = coverage_sent_ = relations_sent_ = errors_sent_ = 0;
  Send('B', "");
}
void ChildChannel::Running(const std::string& plugin) { Send('P', plugin); }
void ChildChannel::Snapshot(const AuditOutcome& o) {
  const ReportResult& r = o.result;
  const bool grew = r.findings.size() >= findings_sent_ && r.coverage.size() >= coverage_sent_ &&
                    r.relations.size() >= relations_sent_ && o.errors.size() >= errors_sent_;
  if (!grew) {
    Send('S', EncodeOutcome(o));
  } else {
    // The same mapping as EncodeOutcome, with only the lists' new elements.
    auto tail = [](const auto& list, size_t from) {
      nlohmann::json a = nlohmann::json::array();
      for (size_t k = from; k < list.size(); ++k) a.push_back(list[k]);
      return a;
    };
    nlohmann::json result = {{"path", r.path},           {"sha256", r.sha256},
                             {"encoding", r.encoding},   {"lang", r.lang},
                             {"page_count", r.page_count}, {"findings", tail(r.findings, findings_sent_)},
                             {"coverage", tail(r.coverage, coverage_sent_)},
                             {"relations", tail(r.relations, relations_sent_)},
                             {"status", r.status}};
    nlohmann::json j = {{"result", std::move(result)},
                        {"loaded", o.loaded},
                        {"errors", tail(o.errors, errors_sent_)},
                        {"status", o.status}};
    std::vector<uint8_t> cbor = nlohmann::json::to_cbor(j);
    Send('A', std::string_view(reinterpret_cast<const char*>(cbor.data()), cbor.size()));
  }
  findings_sent_ = r.findings.size();
  coverage_sent_ = r.coverage.size();
  relations_sent_ = r.relations.size();
  errors_sent_ = o.errors.size();
}
void ChildChannel::Done() {
  for (const std::string& set : TakeCompiledSets()) Send('C', set);
  Send('F', "");
}

std::vector<AuditOutcome> AuditIsolated(const std::vector<std::string>& paths, const IsolationOptions& options,
                                        const std::function<void(size_t, ChildChannel*)>& audit,
                                        const std::function<void(size_t, AuditOutcome*)>& finish) {
  using Clock = std::chrono::steady_clock;
  std::vector<AuditOutcome> outcomes(paths.size());
  if (paths.empty()) return outcomes;
  WarmUpCore();
  // Sets compiled here (the plugins' preparations, the warm-up) are inherited by every child: a
  // child sends back only what it compiles itself.
  TakeCompiledSets();
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
  // 'S' a whole snapshot, 'A' what is new since the last, 'C' a compiled pattern set, 'F' the report
  // is done), a 64-bit length, the payload.
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
        TakeOutcome(&c, "");
        c.compiled.clear();
        c.deadline = Clock::now() + timeout;  // the timeout is per report
      }
      if (type == 'P') c.running = std::string(payload);
      if (type == 'S' || type == 'A') ApplySnapshot(type, payload, &c);
      if (type == 'C') c.compiled.emplace_back(payload);
      if (type == 'F' && c.done < c.begun) {
        const size_t i = c.group[c.done++];
        outcomes[i] = TakeOutcome(&c, paths[i]);
        if (finish) finish(i, &outcomes[i]);
        for (const std::string& set : c.compiled) AdoptCompiledSet(set);  // for the children forked from now on
        c.running.clear();
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
