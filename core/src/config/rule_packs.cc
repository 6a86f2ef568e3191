#include "esgaudit/rule_packs.h"

#include <boost/property_tree/info_parser.hpp>
#include <boost/property_tree/ini_parser.hpp>
#include <boost/property_tree/json_parser.hpp>
#include <boost/property_tree/ptree.hpp>
#include <boost/property_tree/xml_parser.hpp>

#include <algorithm>
#include <filesystem>

namespace esgaudit {

namespace pt = boost::property_tree;

Status ValidateRulePacks(const std::vector<std::string>& dirs) {
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
      const std::string path = file.string();
      pt::ptree tree;
      try {
        if (ext == ".json") {
          pt::read_json(path, tree);
        } else if (ext == ".xml") {
          pt::read_xml(path, tree);
        } else if (ext == ".info") {
          pt::read_info(path, tree);
        } else if (ext == ".ini") {
          pt::read_ini(path, tree);
        }
      } catch (const pt::file_parser_error& e) {
        return Status::InputError(path + ":" + std::to_string(e.line()) +
                                  ": malformed rule pack: " + e.message());
      }
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
