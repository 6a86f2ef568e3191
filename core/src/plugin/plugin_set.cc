// Loading plugin modules with Boost.DLL (the loader only; the interface is the C ABI).
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "esgaudit/plugin_host.h"

namespace esgaudit {
namespace {

std::string_view View(esgaudit_str s) {
  return s.data == nullptr ? std::string_view() : std::string_view(s.data, s.size);
}

std::string ExeDir() {
  boost::system::error_code ec;
  boost::dll::fs::path p = boost::dll::program_location(ec);
  if (ec) return "";
  return p.parent_path().string();
}

std::string Safe(const char* s) { return s == nullptr ? std::string() : std::string(s); }

}  // namespace

struct PluginSet::Impl {
  std::vector<boost::dll::shared_library> libraries;
};

PluginSet::PluginSet() : impl_(std::make_unique<Impl>()) {}
PluginSet::~PluginSet() {
  plugins_.clear();  // drop function objects before the code they point into is unloaded
}

std::vector<std::string> DefaultPluginDirs() {
  std::string exe = ExeDir();
  if (exe.empty()) return {};
  std::vector<std::string> dirs = {exe + "/../lib/esgaudit/plugins"};
#ifdef ESGAUDIT_INSTALL_LIBDIR
  std::string installed = exe + "/../" ESGAUDIT_INSTALL_LIBDIR "/esgaudit/plugins";
  if (installed != dirs.front()) dirs.push_back(installed);
#endif
  return dirs;
}

std::vector<std::string> DefaultRulesDirs() {
  std::string exe = ExeDir();
  if (exe.empty()) return {};
  return {exe + "/../share/esgaudit/rules"};
}

void PluginSet::LoadFrom(const std::vector<std::string>& dirs) {
  std::set<std::string> names;
  for (const PluginRef& p : plugins_) names.insert(p.name);
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
      spdlog::debug("plugin directory {} does not exist", dir);
      continue;
    }
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      const std::string name = entry.path().filename().string();
      if (name.rfind("esgaudit_plugin_", 0) == 0 && entry.path().extension() == ".so") {
        files.push_back(entry.path());
      }
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const std::string path = file.string();
      boost::dll::shared_library lib;
      try {
        lib.load(boost::dll::fs::path(path),
                 boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
      } catch (const std::exception& e) {
        errors_.push_back(path + ": cannot load plugin: " + e.what());
        continue;
      }
      if (!lib.has(ESGAUDIT_PLUGIN_ENTRY_SYMBOL)) {
        errors_.push_back(path + ": not an esgaudit plugin (no " ESGAUDIT_PLUGIN_ENTRY_SYMBOL " symbol)");
        continue;
      }
      const auto& entry = lib.get<const esgaudit_plugin>(ESGAUDIT_PLUGIN_ENTRY_SYMBOL);
      if (entry.abi_major != ESGAUDIT_ABI_MAJOR) {
        errors_.push_back(path + ": plugin ABI " + std::to_string(entry.abi_major) + "." +
                          std::to_string(entry.abi_minor) + " is not supported by esgaudit ABI " +
                          std::to_string(ESGAUDIT_ABI_MAJOR) + "." + std::to_string(ESGAUDIT_ABI_MINOR) +
                          "; rebuild the plugin against this SDK");
        continue;
      }
      if (entry.struct_size < ESGAUDIT_PLUGIN_SIZE_1_0 || entry.check == nullptr ||
          entry.rule_count == nullptr || entry.rule == nullptr || entry.name == nullptr) {
        errors_.push_back(path + ": malformed plugin entry (struct_size " +
                          std::to_string(entry.struct_size) + ")");
        continue;
      }
      PluginRef ref;
      ref.name = Safe(entry.name);
      if (names.count(ref.name) != 0) {
        spdlog::debug("{}: plugin '{}' already loaded from an earlier directory", path, ref.name);
        continue;
      }
      ref.version = Safe(entry.version);
      ref.abi_major = entry.abi_major;
      ref.abi_minor = entry.abi_minor;
      ref.description = Safe(entry.description);
      ref.abi_major = entry.abi_major;
      ref.abi_minor = entry.abi_minor;
      const uint32_t count = entry.rule_count();
      for (uint32_t i = 0; i < count; ++i) {
        esgaudit_rule_info info = entry.rule(i);
        ref.rules.push_back(RuleInfo{std::string(View(info.id)),
                                     static_cast<esgaudit_severity>(info.default_severity),
                                     std::string(View(info.summary)), std::string(View(info.doc)),
                                     ref.name});
      }
      const esgaudit_plugin* p = &entry;
      ref.check = [p](const esgaudit_host* h, esgaudit_fail_fn f, void* c) { return p->check(h, f, c); };
      if (ESGAUDIT_PLUGIN_HAS(p, prepare)) {
        ref.prepare = [p](const esgaudit_host* h, esgaudit_fail_fn f, void* c) { return p->prepare(h, f, c); };
      }
      names.insert(ref.name);
      plugins_.push_back(std::move(ref));
      impl_->libraries.push_back(std::move(lib));
      spdlog::debug("loaded plugin '{}' from {}", plugins_.back().name, path);
    }
  }
}

}  // namespace esgaudit
