// chancery-index: builds and updates a Chancery index. See the README.
#include <exception>
#include <iostream>

#include "indexer/indexer_command.h"

int main(int argc, char** argv) {
  auto options = chancery::ParseIndexerArgs(argc, argv);
  if (!options.ok()) {
    std::cerr << "chancery-index: " << options.status().message()
              << "\n(try chancery-index --help)\n";
    return chancery::kExitUsage;
  }
  if (options->help) {
    std::cout << chancery::IndexerUsage();
    return chancery::kExitOk;
  }
  try {
    return chancery::RunIndexer(*options);
  } catch (const std::exception& e) {
    // Errors are Status values; an exception reaching here is a bug in a
    // boundary that should have caught it. Say so in one line, not with
    // std::terminate.
    std::cerr << "chancery-index: error: " << e.what() << "\n";
    return chancery::kExitFatal;
  }
}
