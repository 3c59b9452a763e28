# Run by cmake --install (install(SCRIPT)): the example config and the
# systemd unit, whose paths depend on the install prefix. The prefix /usr
# puts the config in /etc, as GNUInstallDirs does; any other prefix keeps
# everything under it.
if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  set(chancery_etc "/etc/chancery")
else()
  set(chancery_etc "${CMAKE_INSTALL_PREFIX}/etc/chancery")
endif()
file(INSTALL DESTINATION "${chancery_etc}" TYPE FILE
     FILES "${CHANCERY_SOURCE_DIR}/config/chancery.json")

set(CHANCERY_BINDIR "${CMAKE_INSTALL_PREFIX}/bin")
set(CHANCERY_DOCDIR "${CMAKE_INSTALL_PREFIX}/share/doc/chancery")
set(CHANCERY_CONFIG_FILE "${chancery_etc}/chancery.json")
set(unit "$ENV{DESTDIR}${CMAKE_INSTALL_PREFIX}/lib/systemd/system/chancery-searchd.service")
message(STATUS "Installing: ${unit}")
configure_file("${CHANCERY_SOURCE_DIR}/packaging/chancery-searchd.service.in"
               "${unit}" @ONLY)
list(APPEND CMAKE_INSTALL_MANIFEST_FILES "${unit}")
