// Helpers shared by the test tiers: run a plugin's registry in-process through the real host.
#ifndef ESGAUDIT_TESTS_ESGAUDIT_TESTING_H_
#define ESGAUDIT_TESTS_ESGAUDIT_TESTING_H_

#include <esgaudit/plugin.h>

#include <fstream>
#include <sstream>
#include <string>

#include "esgaudit/document.h"
#include "esgaudit/finding.h"
#include "esgaudit/plugin_host.h"

namespace esgaudit::testing {

inline std::string SourcePath(const std::string& relative) {
  return std::string(ESGAUDIT_SOURCE_DIR) + "/" + relative;
}

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The engine's view of a registry, as if it had been loaded from a module.
inline PluginRef RefFromRegistry(const sdk::Registry& registry, std::string name) {
  PluginRef ref;
  ref.name = std::move(name);
  for (uint32_t i = 0; i < registry.Count(); ++i) {
    esgaudit_rule_info info = registry.Info(i);
    ref.rules.push_back({std::string(sdk::View(info.id)),
                         static_cast<esgaudit_severity>(info.default_severity),
                         std::string(sdk::View(info.summary)), std::string(sdk::View(info.doc)),
                         ref.name});
  }
  ref.check = [&registry](const esgaudit_host* h, esgaudit_fail_fn f, void* c) {
    return registry.Check(h, f, c);
  };
  ref.prepare = [&registry](const esgaudit_host* h, esgaudit_fail_fn f, void* c) {
    return registry.Prepare(h, f, c);
  };
  return ref;
}

// Runs `plugin` over `doc` with the project's rules/ directory; returns the canonical result.
inline ReportResult Run(const PluginRef& plugin, const Document& doc,
                        RunOptions options = RunOptions()) {
  if (options.rules_dirs.empty()) options.rules_dirs.push_back(SourcePath("rules"));
  ReportResult result;
  result.path = doc.path();
  result.status = RunPlugin(plugin, doc, options, &result);
  Canonicalize(&result);
  return result;
}

inline ReportResult Run(const sdk::Registry& registry, const Document& doc,
                        RunOptions options = RunOptions()) {
  return Run(RefFromRegistry(registry, "test"), doc, std::move(options));
}

inline ReportResult RunOnText(const sdk::Registry& registry, std::string text,
                              RunOptions options = RunOptions()) {
  return Run(registry, Document::FromUtf8("test.txt", std::move(text)), std::move(options));
}

}  // namespace esgaudit::testing

#endif  // ESGAUDIT_TESTS_ESGAUDIT_TESTING_H_
