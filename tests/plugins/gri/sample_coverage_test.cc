// The golden coverage table of the primary sample (tests/golden/gri/sample-coverage.tsv, reviewed
// by hand: see docs/gri-evaluation.md). The findings goldens run in tests/golden/golden_test.cc.
// ESGAUDIT_UPDATE_GOLDENS=1 rewrites the table.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "esgaudit_testing.h"
#include "register.h"

namespace esgaudit::gri {
namespace {

namespace fs = std::filesystem;

bool Update() { return std::getenv("ESGAUDIT_UPDATE_GOLDENS") != nullptr; }

void Compare(const std::string& path, const std::string& actual) {
  if (Update()) {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  EXPECT_EQ(testing::ReadFile(path), actual)
      << path << " (rerun with ESGAUDIT_UPDATE_GOLDENS=1 and review the diff)";
}

TEST(GriSampleCoverage, MatchesTheReviewedTable) {
  sdk::Registry registry;
  RegisterRules(registry);
  Document doc;
  ASSERT_TRUE(
      Document::Load(testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt"), &doc).ok());
  ReportResult r = testing::Run(registry, doc);
  std::string out = "# id\tstatus\ttitle\tevidence (line:column quote)\n";
  for (const CoverageRecord& c : r.coverage) {
    out += c.id + "\t" + CoverageStatusName(c.status) + "\t" + c.title + "\t";
    for (size_t i = 0; i < c.locations.size(); ++i) {
      if (i > 0) out += " | ";
      out += std::to_string(c.locations[i].location.line) + ":" +
             std::to_string(c.locations[i].location.column) + " " + c.locations[i].message;
    }
    out += "\n";
  }
  Compare(testing::SourcePath("tests/golden/gri/sample-coverage.tsv"), out);
}

}  // namespace
}  // namespace esgaudit::gri
