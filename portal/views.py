"""Error pages in the reader's language."""

from django.shortcuts import render


def page_not_found(request, exception):
    # Every language's link leads to that language's home: the missing page exists in none.
    return render(request, "404.html", {"is_error_page": True}, status=404)


def bad_request(request, exception):
    return render(request, "400.html", {"is_error_page": True}, status=400)
