# Installed layout: bin/esgaudit, lib/esgaudit/plugins/, share/esgaudit/rules/, include/esgaudit/ (SDK).
include(CMakePackageConfigHelpers)
install(TARGETS esgaudit RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")
install(DIRECTORY "${PROJECT_SOURCE_DIR}/rules/" DESTINATION "${CMAKE_INSTALL_DATADIR}/esgaudit/rules")
install(TARGETS esgaudit_plugin_sdk EXPORT esgauditTargets)
install(DIRECTORY "${PROJECT_SOURCE_DIR}/plugins/sdk/include/" DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
install(EXPORT esgauditTargets NAMESPACE esgaudit:: DESTINATION "${CMAKE_INSTALL_LIBDIR}/cmake/esgaudit")
# The SDK is header-only; its text helpers need Boost's headers (esgaudit/text.h).
file(WRITE "${PROJECT_BINARY_DIR}/esgauditConfig.cmake"
  "include(CMakeFindDependencyMacro)\nfind_dependency(Boost 1.74)\n"
  "include(\"\${CMAKE_CURRENT_LIST_DIR}/esgauditTargets.cmake\")\n")
write_basic_package_version_file("${PROJECT_BINARY_DIR}/esgauditConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion)
install(FILES "${PROJECT_BINARY_DIR}/esgauditConfig.cmake" "${PROJECT_BINARY_DIR}/esgauditConfigVersion.cmake"
  DESTINATION "${CMAKE_INSTALL_LIBDIR}/cmake/esgaudit")
