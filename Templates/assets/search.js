// search: written with the search page
