# Defines the imported target Xapian::xapian from Xapian 1.4's CMake config,
# which only sets XAPIAN_INCLUDE_DIR and XAPIAN_LIBRARIES. Included by the
# top-level build and by the installed newsearchConfig.cmake.
if(NOT TARGET Xapian::xapian)
  find_package(Xapian 1.4 CONFIG REQUIRED)
  add_library(Xapian::xapian INTERFACE IMPORTED)
  set_target_properties(Xapian::xapian PROPERTIES
    INTERFACE_INCLUDE_DIRECTORIES "${XAPIAN_INCLUDE_DIR}"
    INTERFACE_LINK_LIBRARIES "${XAPIAN_LIBRARIES}")
endif()
