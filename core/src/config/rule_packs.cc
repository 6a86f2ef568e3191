#include "esgaudit/rule_packs.h"

#include <boost/property_tree/info_parser.hpp>
#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <boost/version.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "load/cache_file.h"
#include "load/sha256.h"

namespace esgaudit {

namespace pt = boost::property_tree;

namespace {

// The name of the file recording that a pack of these bytes and kind parses, and its content.
std::string CheckedName(const std::string& ext, const std::string& bytes) {
  return Sha256Hex("rule pack " + ext + " parsed by Boost " BOOST_LIB_VERSION "\n" + bytes) + ".pack-ok";
}

}  // namespace

Status ValidateRulePacks(const std::vector<std::string>& dirs, const std::string& cache_dir) {
  for (const std::string& dir : dirs) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) continue;
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (ec) break;
      if (it->is_regular_file(ec)) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& file : files) {
      const std::string ext = file.extension().string();
      if (ext != ".json" && ext != ".xml" && ext != ".info" && ext != ".ini") continue;
      const std::string path = file.string();
      std::ifstream in(file, std::ios::binary);
      if (!in) return Status::InputError(path + ":0: malformed rule pack: cannot open file");  // as Boost says
      const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
      std::string checked;
      if (!cache_dir.empty()) {
        checked = CheckedName(ext, bytes);
        if (ReadCacheFile(cache_dir, checked) == checked) continue;
      }
      std::istringstream text(bytes);
      pt::ptree tree;
      try {
        if (ext == ".json") {
          pt::read_json(text, tree);
        } else if (ext == ".xml") {
          pt::read_xml(text, tree);
        } else if (ext == ".info") {
          pt::read_info(text, tree);
        } else {
          pt::read_ini(text, tree);
        }
      } catch (const pt::file_parser_error& e) {
        return Status::InputError(path + ":" + std::to_string(e.line()) +
                                  ": malformed rule pack: " + e.message());
      }
      if (!checked.empty()) WriteCacheFile(cache_dir, checked, checked);
    }
  }
  return Status::Ok();
}

std::string FindRulesFile(const std::vector<std::string>& dirs, const std::string& relative) {
  for (const std::string& dir : dirs) {
    std::filesystem::path p = std::filesystem::path(dir) / relative;
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

}  // namespace esgaudit
