# esgaudit_add_plugin(NAME ENTRY file.cc SOURCES a.cc b.cc ...)
# Builds the plugin's rules as a static library esgaudit_<NAME>_rules (linked by its tests) and the
# loadable MODULE esgaudit_plugin_<NAME>.so into the plugin directory. Both see only the plugin SDK.
# The plugin is listed in the global properties ESGAUDIT_PLUGINS (names) and ESGAUDIT_PLUGIN_TARGETS
# (module targets), from which the tests find the plugins, their goldens and their own tests.
function(esgaudit_add_plugin name)
  cmake_parse_arguments(ARG "" "ENTRY" "SOURCES;LIBRARIES" ${ARGN})
  add_library(esgaudit_${name}_rules STATIC ${ARG_SOURCES})
  target_link_libraries(esgaudit_${name}_rules PUBLIC esgaudit::plugin_sdk ${ARG_LIBRARIES})
  target_include_directories(esgaudit_${name}_rules PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}")
  esgaudit_warnings(esgaudit_${name}_rules)

  add_library(esgaudit_plugin_${name} MODULE ${ARG_ENTRY})
  target_link_libraries(esgaudit_plugin_${name} PRIVATE esgaudit_${name}_rules)
  set_target_properties(esgaudit_plugin_${name} PROPERTIES
    PREFIX "" OUTPUT_NAME "esgaudit_plugin_${name}"
    LIBRARY_OUTPUT_DIRECTORY "${ESGAUDIT_PLUGIN_OUTPUT_DIR}")
  target_link_options(esgaudit_plugin_${name} PRIVATE -Wl,--no-undefined)
  esgaudit_warnings(esgaudit_plugin_${name})
  set_property(GLOBAL APPEND PROPERTY ESGAUDIT_PLUGINS ${name})
  set_property(GLOBAL APPEND PROPERTY ESGAUDIT_PLUGIN_TARGETS esgaudit_plugin_${name})
  install(TARGETS esgaudit_plugin_${name} LIBRARY DESTINATION "${CMAKE_INSTALL_LIBDIR}/esgaudit/plugins")
endfunction()
