#include "searcher/input_lines.h"

#include "schema/text.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace corpus::searcher {

Result<InputLines> InputLines::open(const std::string& path, const std::string& what) {
    const std::string name = what + " " + schema::printable(path);
    int fd = STDIN_FILENO;
    if (path != "-") {
        // Not O_NONBLOCK: a named pipe is a fair way to feed a batch, and waits for its writer.
        fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
        if (fd < 0) return make_error(ErrorCode::io, "cannot read " + name + ": " + std::strerror(errno));
    }
    struct stat status {};
    const bool usable = ::fstat(fd, &status) == 0 &&
                        (S_ISREG(status.st_mode) || S_ISFIFO(status.st_mode) || S_ISSOCK(status.st_mode) ||
                         (S_ISCHR(status.st_mode) && ::isatty(fd)));
    if (!usable) {
        if (fd != STDIN_FILENO) ::close(fd);
        return make_error(ErrorCode::usage,
                          name + (S_ISDIR(status.st_mode) ? " is a folder" : " is not a file or a pipe"),
                          "give a text file, or - for standard input");
    }
    if (fd == STDIN_FILENO) return InputLines(stdin, false);
    std::FILE* file = ::fdopen(fd, "r");
    if (file == nullptr) {
        ::close(fd);
        return make_error(ErrorCode::io, "cannot read " + name + ": " + std::strerror(errno));
    }
    return InputLines(file, true);
}

InputLines::Read InputLines::next(std::string& line) {
    line.clear();
    bool too_long = false;
    int c = 0;
    while ((c = std::getc(file_.get())) != EOF && c != '\n') {
        if (line.size() < max_input_line_bytes) {
            line.push_back(static_cast<char>(c));
        } else {
            too_long = true;
        }
    }
    if (c == EOF && line.empty() && !too_long) return Read::end;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return too_long ? Read::too_long : Read::line;
}

}  // namespace corpus::searcher
