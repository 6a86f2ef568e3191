// LoadKpiData: each format, and each kind of malformed data (exit 2 with file and line).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "esgaudit/kpi.h"
#include "esgaudit/units.h"

namespace esgaudit {
namespace {

class KpiDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("esgaudit-kpi-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "-" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string Write(const std::string& name, const std::string& content) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << content;
    return path;
  }
  // The error message with the temporary directory replaced by "DIR".
  std::string ErrorOf(const std::string& name, const std::string& content) {
    std::vector<KpiRecord> records;
    Status s = LoadKpiData(Write(name, content), &records);
    EXPECT_FALSE(s.ok());
    EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput);
    std::string m = s.message();
    std::string d = dir_.string() + "/";
    if (m.rfind(d, 0) == 0) m = m.substr(d.size());
    return m;
  }

  std::filesystem::path dir_;
};

std::string Render(const std::vector<KpiRecord>& records, const std::string& dir) {
  std::string out;
  for (const KpiRecord& r : records) {
    std::string source = r.source.rfind(dir, 0) == 0 ? r.source.substr(dir.size()) : r.source;
    char value[64];
    std::snprintf(value, sizeof value, "%g", r.value);
    out +=
        r.key + "=" + value + " [" + r.text + "] " + r.unit + " " + r.period + " @" + source + "\n";
  }
  return out;
}

TEST_F(KpiDataTest, Json) {
  std::vector<KpiRecord> records;
  std::string path = Write("k.json", R"({
  "report": "sample",
  "period": "2020",
  "kpis": {
    "employees.total": {"value": 12375, "unit": "人"},
    "employees": {
      "new": {"value": "740", "unit": "人", "note": "nested key"},
      "female.share": {"value": 21, "unit": "%"}
    },
    "revenue": {"value": "3,456.7", "unit": "亿元", "period": "2019"}
  }
}
)");
  ASSERT_TRUE(LoadKpiData(path, &records).ok());
  EXPECT_EQ(Render(records, dir_.string() + "/"),
            "employees.total=12375 [12375] 人 2020 @k.json:5\n"
            "employees.new=740 [740] 人 2020 @k.json:7\n"
            "employees.female.share=21 [21] % 2020 @k.json:8\n"
            "revenue=3456.7 [3,456.7] 亿元 2019 @k.json:10\n");
}

TEST_F(KpiDataTest, Xml) {
  std::vector<KpiRecord> records;
  std::string path = Write("k.xml", R"(<?xml version="1.0" encoding="UTF-8"?>
<kpis period="2020">
  <!-- people -->
  <kpi key="employees.total" value="12375" unit="人"/>
  <kpi key="co2" value="1.5" unit="万吨" period="2019"/>
</kpis>
)");
  ASSERT_TRUE(LoadKpiData(path, &records).ok());
  EXPECT_EQ(Render(records, dir_.string() + "/"),
            "employees.total=12375 [12375] 人 2020 @k.xml:4\n"
            "co2=1.5 [1.5] 万吨 2019 @k.xml:5\n");
}

TEST_F(KpiDataTest, Ini) {
  std::vector<KpiRecord> records;
  std::string path =
      Write("k.ini",
            "period = 2020\n; comment\n\n[employees.total]\nvalue = 12375\nunit = 人\n"
            "\n[board.meetings]\nvalue = 9\nunit = 次\nperiod = 2019\n");
  ASSERT_TRUE(LoadKpiData(path, &records).ok());
  EXPECT_EQ(Render(records, dir_.string() + "/"),
            "employees.total=12375 [12375] 人 2020 @k.ini:4\n"
            "board.meetings=9 [9] 次 2019 @k.ini:8\n");
}

TEST_F(KpiDataTest, Csv) {
  std::vector<KpiRecord> records;
  std::string path = Write("k.csv",
                           "\xEF\xBB\xBFkey,value,unit,period,note\r\n"
                           "employees.total,\"12,375\",人,2020,\"a \"\"quoted\"\" note\"\r\n"
                           "\r\n"
                           "patents.total,89,项,2020,\"two\nlines\"\r\n"
                           "board.meetings,9,次,2020,\r\n");
  ASSERT_TRUE(LoadKpiData(path, &records).ok());
  EXPECT_EQ(Render(records, dir_.string() + "/"),
            "employees.total=12375 [12,375] 人 2020 @k.csv:2\n"
            "patents.total=89 [89] 项 2020 @k.csv:4\n"
            "board.meetings=9 [9] 次 2020 @k.csv:6\n");
}

TEST_F(KpiDataTest, MissingFile) {
  std::vector<KpiRecord> records;
  Status s = LoadKpiData((dir_ / "none.json").string(), &records);
  EXPECT_EQ(s.code(), ExitStatus::kUsageOrInput);
  EXPECT_EQ(s.message(), (dir_ / "none.json").string() + ": cannot open KPI data file");
}

TEST_F(KpiDataTest, UnknownExtensionAndEmptyFile) {
  EXPECT_EQ(ErrorOf("k.yaml", "a: 1\n"),
            "k.yaml: unknown KPI data format (expected .json, .xml, .ini or .csv)");
  EXPECT_EQ(ErrorOf("k.json", ""), "k.json: empty KPI data file");
}

TEST_F(KpiDataTest, JsonSyntaxError) {
  EXPECT_EQ(
      ErrorOf("k.json", "{\n  \"kpis\": {\n    \"a\": {\"value\": 1,, \"unit\": \"人\"}\n}\n"),
      "k.json:3: invalid JSON: expected key string");
}

TEST_F(KpiDataTest, JsonWrongTypes) {
  EXPECT_EQ(ErrorOf("k.json", "{\"kpis\": {\n\"a\": {\"value\": \"many\", \"unit\": \"人\"}}}"),
            "k.json:2: KPI 'a': value 'many' is not a number");
  EXPECT_EQ(ErrorOf("k.json", "{\"kpis\": {\n\"a\": {\"value\": true, \"unit\": \"人\"}}}"),
            "k.json:2: KPI 'a': value 'true' is not a number");
  EXPECT_EQ(ErrorOf("k.json", "{\"kpis\": {\n\"a\": {\"value\": {\"x\": 1}, \"unit\": \"人\"}}}"),
            "k.json:2: KPI 'a': field 'value' must be a scalar");
  EXPECT_EQ(ErrorOf("k.json", "{\"kpis\": {\n\"a\": 12}}"),
            "k.json:2: KPI 'a': expected an object with \"value\" and \"unit\"");
  EXPECT_EQ(ErrorOf("k.json", "{\"kpis\": {\n\"a\": [1, 2]}}"),
            "k.json:2: arrays are not supported in KPI data");
  EXPECT_EQ(
      ErrorOf("k.json", "{\"kpis\": {\n\"a\": {\"value\": 1, \"unit\": \"人\", \"untis\": 2}}}"),
      "k.json:2: KPI 'a': unknown field 'untis'");
  EXPECT_EQ(ErrorOf("k.json", "{\"kpis\": {\n\"a\": {\"value\": 1}}}"),
            "k.json:2: KPI 'a': no unit");
  EXPECT_EQ(ErrorOf("k.json", "{\"kpi\": {}}"), "k.json:1: unknown top-level field 'kpi'");
  EXPECT_EQ(ErrorOf("k.json", "{\"period\": \"2020\"}"), "k.json: no \"kpis\" object");
}

TEST_F(KpiDataTest, UnknownUnit) {
  EXPECT_EQ(ErrorOf("k.json", "{\"kpis\": {\n\n\"a\": {\"value\": 1, \"unit\": \"furlongs\"}}}"),
            "k.json:3: KPI 'a': unknown unit 'furlongs'");
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit\na,1,人\nb,2,万斤\n"),
            "k.csv:3: KPI 'b': unknown unit '万斤'");
}

// The data take every unit the report's fact reader reads after a figure (one table), with or
// without a magnitude; an unknown one stays an error.
TEST_F(KpiDataTest, EveryUnitTheReportReaderReadsIsAKnownUnit) {
  auto loads = [&](const std::string& content) {
    std::vector<KpiRecord> records;
    Status s = LoadKpiData(Write("k.csv", content), &records);
    EXPECT_TRUE(s.ok()) << s.message();
    return records.size();
  };
  for (const sdk::UnitForm& u : sdk::kReportUnits) {
    EXPECT_EQ(loads(std::string("key,value,unit\na,1,") + u.printed + "\n"), 1u) << u.printed;
    EXPECT_EQ(loads(std::string("key,value,unit\na,1,万") + u.printed + "\n"), 1u) << u.printed;
  }
  EXPECT_EQ(loads("key,value,unit\na,1,处\nb,2,对\nc,3,万股\n"), 3u);
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit\na,1,处所\n"), "k.csv:2: KPI 'a': unknown unit '处所'");
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit\na,1,股东\n"), "k.csv:2: KPI 'a': unknown unit '股东'");
}

TEST_F(KpiDataTest, DuplicateKey) {
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit\na,1,人\na,2,人\n"),
            "k.csv:3: KPI 'a' given twice for period ''");
}

TEST_F(KpiDataTest, XmlMalformed) {
  EXPECT_EQ(ErrorOf("k.xml", "<kpis>\n<kpi key=\"a\" value=\"1\" unit=\"人\">\n</kpis>\n"),
            "k.xml:4: invalid XML: unexpected end of data");
  EXPECT_EQ(ErrorOf("k.xml", "<kpis>\n<kpi key=\"a\" value=\"x1\" unit=\"人\"/>\n</kpis>\n"),
            "k.xml:2: KPI 'a': value 'x1' is not a number");
  EXPECT_EQ(ErrorOf("k.xml", "<kpis>\n<kpi key=\"a\" unit=\"人\"/>\n</kpis>\n"),
            "k.xml:2: KPI 'a': no value attribute");
  EXPECT_EQ(ErrorOf("k.xml", "<data/>\n"), "k.xml: root element must be <kpis>");
}

TEST_F(KpiDataTest, IniMalformed) {
  EXPECT_EQ(ErrorOf("k.ini", "[a]\nvalue = 1\nunit\n"),
            "k.ini:3: invalid INI: '=' character not found in line");
  EXPECT_EQ(ErrorOf("k.ini", "[a]\nvalue = 1,5\nunit = 人\n"),
            "k.ini:1: KPI 'a': value '1,5' is not a number");
  EXPECT_EQ(ErrorOf("k.ini", "period = 2020\n[a]\nunit = 人\n"), "k.ini:2: KPI 'a': no value");
}

TEST_F(KpiDataTest, CsvMalformed) {
  EXPECT_EQ(ErrorOf("k.csv", "key,value\na,1\n"),
            "k.csv:1: CSV header must name the columns key, value and unit");
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit\na,1\n"), "k.csv:2: expected 3 fields, found 2");
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit\na,\"1,人\n"), "k.csv:2: unterminated quoted field");
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit\na,1\"2\",人\n"),
            "k.csv:2: quote inside an unquoted field");
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit\na,\"1\"2,人\n"),
            "k.csv:2: text after a closing quote");
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit,colour\n"), "k.csv:1: unknown CSV column 'colour'");
}

// The message stays one line when it quotes a line break or another control character from the file
// (a quoted CSV header spanning lines, as `make fuzz` found; a tab and a DEL in a JSON key).
TEST_F(KpiDataTest, AnErrorQuotingALineBreakIsOneLine) {
  EXPECT_EQ(ErrorOf("k.csv", "key,value,unit,\"col\r\n\x84our\"\n"),
            "k.csv:1: unknown CSV column 'col\\r\\n\x84our'");
  EXPECT_EQ(ErrorOf("k.csv", "\"\n\x84\n999\"\n"), "k.csv:1: unknown CSV column '\x84\\n999'");
  const std::string json = ErrorOf("k.json", "{\"kpis\": {\"a\\tb\\u007f\": 1}}");
  EXPECT_EQ(json.find('\n'), std::string::npos) << json;
  EXPECT_EQ(json.find('\t'), std::string::npos) << json;
}

}  // namespace
}  // namespace esgaudit
