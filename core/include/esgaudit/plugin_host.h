// Loading plugins (Boost.DLL, C ABI) and running them over documents.
#ifndef ESGAUDIT_PLUGIN_HOST_H_
#define ESGAUDIT_PLUGIN_HOST_H_

#include <esgaudit/plugin_abi.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "esgaudit/document.h"
#include "esgaudit/finding.h"
#include "esgaudit/kpi.h"
#include "esgaudit/rule_selection.h"
#include "esgaudit/status.h"

namespace esgaudit {

struct RuleInfo {
  std::string id;
  esgaudit_severity default_severity = ESGAUDIT_WARNING;
  std::string summary;
  std::string doc;  // relative to the rule directories
  std::string plugin;
};

// A plugin as the engine runs it: a name and the ABI check entry. Tests build one straight from an
// sdk::Registry; PluginSet builds them from loaded modules.
struct PluginRef {
  std::string name;
  std::string version;
  std::string description;
  uint32_t abi_major = ESGAUDIT_ABI_MAJOR;  // the ABI the plugin was built for
  uint32_t abi_minor = ESGAUDIT_ABI_MINOR;
  std::vector<RuleInfo> rules;
  std::function<uint32_t(const esgaudit_host*, esgaudit_fail_fn, void*)> check;
  // esgaudit_plugin::prepare; empty for a plugin without it (ABI 1.0, or a test's registry).
  std::function<uint32_t(const esgaudit_host*, esgaudit_fail_fn, void*)> prepare;
};

struct RunOptions {
  std::string lang = "zh";
  std::string mode = "check";             // "check" | "relations"
  std::string require;                    // standards applied even when not claimed: "gri,gbt36001"
  std::vector<std::string> rules_dirs;    // searched in order by esgaudit_host::rules_file
  const RuleSelection* selection = nullptr;  // nullptr = every rule
  const std::vector<KpiRecord>* kpis = nullptr;
};

// Runs one plugin over `doc`, appending its output to `result` (locations resolved in `doc`).
// A plugin failure becomes an esgaudit.plugin-error finding and a non-ok return; output the plugin
// emitted before failing is kept.
Status RunPlugin(const PluginRef& plugin, const Document& doc, const RunOptions& options,
                 ReportResult* result);

// Runs each plugin's prepare (esgaudit_plugin::prepare) in this process over an empty document, so
// the rule data it reads is cached before child processes are forked. A failure is only logged
// (debug): RunPlugin reports it for each document when the plugin loads its data again.
void PreparePlugins(const std::vector<PluginRef>& plugins, const RunOptions& options);

// The plugin directories searched by default: <exe dir>/../lib/esgaudit/plugins (build tree and
// install prefix alike). Never the current directory.
std::vector<std::string> DefaultPluginDirs();
// <exe dir>/../share/esgaudit/rules.
std::vector<std::string> DefaultRulesDirs();

// Modules loaded from plugin directories. Keeps the libraries loaded for its lifetime.
class PluginSet {
 public:
  PluginSet();
  ~PluginSet();
  PluginSet(const PluginSet&) = delete;
  PluginSet& operator=(const PluginSet&) = delete;

  // Loads every esgaudit_plugin_*.so in `dirs` (sorted by file name; the first plugin of a name
  // wins). A module that fails to load, has another ABI major version or an entry struct shorter
  // than ABI 1.0's is refused: its one-line message is added to errors() and the others still
  // load. A plugin of any minor version of this major loads (an older one sees the fields it
  // knows; a newer one checks esgaudit_host::struct_size before using what this host lacks).
  void LoadFrom(const std::vector<std::string>& dirs);

  const std::vector<PluginRef>& plugins() const { return plugins_; }
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  std::vector<PluginRef> plugins_;
  std::vector<std::string> errors_;
};

}  // namespace esgaudit

#endif  // ESGAUDIT_PLUGIN_HOST_H_
