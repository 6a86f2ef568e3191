// Bad input never crashes: deterministic mutations of the sample (byte flips, truncations, stray
// NUL/CR/form feeds, invalid UTF-8) go through loading, fact extraction and every plugin. Each must
// either load and audit with an OK status or be refused with an input error — never crash or throw.
#include <gtest/gtest.h>

#include <random>

#include "esgaudit_testing.h"

namespace esgaudit {
namespace {

TEST(RobustnessTest, MutatedReportsLoadOrAreRefusedCleanly) {
  const std::string sample = testing::ReadFile(testing::SourcePath("samples/yunnan-aluminium-2020-csr.txt"));
  ASSERT_GT(sample.size(), 60000u);
  PluginSet plugins;  // every plugin of the build, as the CLI loads them
  plugins.LoadFrom({ESGAUDIT_PLUGIN_DIR});
  ASSERT_TRUE(plugins.errors().empty()) << plugins.errors().front();
  ASSERT_GE(plugins.plugins().size(), 4u);
  std::mt19937 rng(20201231);  // fixed seed: the same cases every run
  // Even rounds use noise that keeps the text loadable, so the plugins see most mutants.
  const char kNoise[] = {'\r', '\f', '\n', '%', '9', ' ', '\t', '.', ',', '\0', '\xff', '\xe4'};
  const size_t kBenign = 9;
  int loaded = 0, refused = 0;
  for (int round = 0; round < 40; ++round) {
    size_t start = sample.find('\n', rng() % (sample.size() - 30000)) + 1;
    std::string bytes = sample.substr(start, 2000 + rng() % 28000);
    const int edits = 1 + static_cast<int>(rng() % 20);
    for (int e = 0; e < edits && !bytes.empty(); ++e) {
      size_t at = rng() % bytes.size();
      if (round % 2 == 0) {  // stay on character boundaries
        while (at < bytes.size() && (static_cast<unsigned char>(bytes[at]) & 0xc0) == 0x80) ++at;
        if (at == bytes.size()) continue;
      }
      const char noise = kNoise[rng() % (round % 2 == 0 ? kBenign : sizeof kNoise)];
      const auto lead = static_cast<unsigned char>(bytes[at]);
      const size_t width = round % 2 != 0 ? 1 + rng() % 8 : lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
      switch (rng() % 4) {
        case 0: bytes.replace(at, width, 1, noise); break;
        case 1: bytes.insert(at, 1, noise); break;
        case 2: bytes.erase(at, width); break;
        default: bytes.resize(at); break;
      }
    }
    Document doc;
    Status s = Document::FromBytes("mutant.txt", bytes, &doc);
    if (!s.ok()) {
      EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput) << s.message();
      EXPECT_EQ(s.message().rfind("mutant.txt", 0), 0u) << s.message();
      ++refused;
      continue;
    }
    ++loaded;
    for (const PluginRef& p : plugins.plugins()) {
      ReportResult result = testing::Run(p, doc);
      EXPECT_TRUE(result.status.ok()) << p.name << ", round " << round << ": " << result.status.message();
      for (const Finding& f : result.findings) {
        EXPECT_LE(f.location.offset + f.location.length, doc.text().size());
      }
    }
  }
  EXPECT_GE(loaded, 20);
  EXPECT_GT(refused, 0);
}

}  // namespace
}  // namespace esgaudit
