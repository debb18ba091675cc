#include "server/http/request.h"

namespace vox::http {

bool Request::wantsClose() const
{
    return header("connection").toLower().contains("close");
}

} // namespace vox::http
