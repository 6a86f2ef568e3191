// Status: the result of an operation that can fail for operational reasons (LevelDB style).
// Findings are never statuses; a Status is for "could not do the job".
#ifndef ESGAUDIT_STATUS_H_
#define ESGAUDIT_STATUS_H_

#include <string>
#include <utility>

#include "esgaudit/exit_status.h"

namespace esgaudit {

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  // A problem with the user's input (file, data, option): exit code 2.
  static Status InputError(std::string message) { return Status(ExitStatus::kUsageOrInput, std::move(message)); }
  // A bug or plugin failure: exit code 3.
  static Status Internal(std::string message) { return Status(ExitStatus::kInternal, std::move(message)); }

  bool ok() const { return code_ == ExitStatus::kOk; }
  ExitStatus code() const { return code_; }
  // One line, naming the file (and position) when there is one: "report.txt:12: invalid byte 0xff".
  const std::string& message() const { return message_; }

 private:
  Status(ExitStatus code, std::string message) : code_(code), message_(std::move(message)) {}
  ExitStatus code_ = ExitStatus::kOk;
  std::string message_;
};

}  // namespace esgaudit

#endif  // ESGAUDIT_STATUS_H_
