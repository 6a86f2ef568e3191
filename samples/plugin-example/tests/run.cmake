# Runs esgaudit with only the example plugin over INPUT and compares stdout with INPUT's .expected.
execute_process(
  COMMAND "${ESGAUDIT}" check "${INPUT}" --no-default-plugins --plugins-dir "${PLUGINS}"
          --rules-dir "${RULES}" --fail-on never
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "esgaudit exited with ${rc}: ${err}")
endif()
get_filename_component(dir "${INPUT}" DIRECTORY)
get_filename_component(name "${INPUT}" NAME_WE)
file(READ "${dir}/${name}.expected" expected)
string(REPLACE "${dir}/" "" out "${out}")
if(NOT out STREQUAL expected)
  message(FATAL_ERROR "unexpected output for ${INPUT}:\n${out}\nexpected:\n${expected}")
endif()
