// The JSON mapping (nlohmann-json) of an audit's outcome, field by field: the form in which a child
// process hands its outcome to the parent (as CBOR, see EncodeOutcome). Every field of every struct
// below is listed here; isolation_test counts each struct's fields against the keys of its JSON
// object, so a field added to a struct and not here fails that test. The parent reads the CBOR
// without a JSON tree (OutcomeReader in isolation.cc, a second list of the same keys):
// IsolationTest.EveryValueSurvivesTheRoundTrip fails if it misses one. The child writes it without a
// tree too (OutcomeWriter, from OutcomeReader's list): IsolationTest.TheOutcomeIsWrittenAsTheCborOfItsJsonMapping
// and EachSnapshotIsTheCborOfWhatIsNew fail if its bytes differ from to_cbor's of this mapping.
#ifndef ESGAUDIT_CORE_PLUGIN_OUTCOME_JSON_H_
#define ESGAUDIT_CORE_PLUGIN_OUTCOME_JSON_H_

#include <nlohmann/json.hpp>

#include "esgaudit/finding.h"
#include "esgaudit/isolation.h"

// Unknown numbers read back as the first value of each list (enums from a corrupt record stay in range).
NLOHMANN_JSON_SERIALIZE_ENUM(esgaudit_severity, {{ESGAUDIT_INFO, "info"},
                                                 {ESGAUDIT_WARNING, "warning"},
                                                 {ESGAUDIT_ERROR, "error"}})
NLOHMANN_JSON_SERIALIZE_ENUM(esgaudit_coverage_status, {{ESGAUDIT_MISSING, "missing"},
                                                        {ESGAUDIT_PARTIAL, "partial"},
                                                        {ESGAUDIT_COVERED, "covered"}})

namespace esgaudit {

NLOHMANN_JSON_SERIALIZE_ENUM(ExitStatus, {{ExitStatus::kOk, "ok"},
                                          {ExitStatus::kFindings, "findings"},
                                          {ExitStatus::kUsageOrInput, "input"},
                                          {ExitStatus::kInternal, "internal"}})

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Location, file, offset, length, line, column, page)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Related, location, message)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Suppression, kind, reason, approver, expires, source)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(Finding, rule, severity, message, location, evidence, references, related,
                                   fingerprint, suppression, source_line, source_column)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(CoverageRecord, scheme, id, title, status, locations)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(RelationRecord, plugin, kind, description, members)

// Status has no public constructor from a code: a report's status is ok, an input error or internal
// (a "findings" code, which no report status has, reads back as internal).
inline void to_json(nlohmann::json& j, const Status& s) { j = {{"code", s.code()}, {"message", s.message()}}; }
inline void from_json(const nlohmann::json& j, Status& s) {
  ExitStatus code = j.at("code").get<ExitStatus>();
  std::string message = j.at("message").get<std::string>();
  if (code == ExitStatus::kOk) s = Status::Ok();
  else if (code == ExitStatus::kUsageOrInput) s = Status::InputError(std::move(message));
  else s = Status::Internal(std::move(message));
}

NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(ReportResult, path, sha256, encoding, lang, page_count, findings, coverage,
                                   relations, status)
NLOHMANN_DEFINE_TYPE_NON_INTRUSIVE(AuditOutcome, result, loaded, errors, status)

}  // namespace esgaudit

#endif  // ESGAUDIT_CORE_PLUGIN_OUTCOME_JSON_H_
