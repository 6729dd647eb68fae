#include "commands.h"

namespace jianbao::cli {
void add_batch_command(CLI::App&, int&) {}
}  // namespace jianbao::cli
