module clientbase

go 1.26.8
