# Cld2::cld2, Google's Compact Language Detector 2 (Debian: libcld2-dev),
# which ships neither a CMake config nor a pkg-config file.
if(NOT TARGET Cld2::cld2)
  find_path(CLD2_INCLUDE_DIR cld2/public/compact_lang_det.h)
  find_library(CLD2_LIBRARY NAMES cld2)
  include(FindPackageHandleStandardArgs)
  find_package_handle_standard_args(Cld2 REQUIRED_VARS CLD2_LIBRARY CLD2_INCLUDE_DIR)
  if(Cld2_FOUND)
    add_library(Cld2::cld2 UNKNOWN IMPORTED)
    set_target_properties(Cld2::cld2 PROPERTIES
      IMPORTED_LOCATION "${CLD2_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${CLD2_INCLUDE_DIR}")
  endif()
endif()
