ENV A=${B:-default} C=${D/x/y}
#     ^ punctuation.special
#       ^ variable
#        ^ operator
#          ^ string
#                 ^ punctuation.special
#                       ^ variable
#                        ^ operator
#                         ^ string
#                          ^ operator
#                           ^ string
ENV A=hello\ world B='$NOT' C=\$X D="q $Y"
#          ^ string.escape
#                    ^ string
#                     ^ string
#                             ^ string.escape
#                                   ^ string
#                                      ^ punctuation.special
#                                       ^ variable
LABEL "com.example"="x" version=1
#     ^ property
#                  ^ operator
#                   ^ string
#                       ^ property
FROM registry.example.com:5000/team/app:v1@sha256:abc AS final
#    ^ string.special
#                             ^ punctuation.delimiter
#                              ^ string.special
#                                         ^ punctuation.delimiter
#                                          ^ string.special
#                                                        ^ label
COPY --link -- a b
#    ^ attribute
#           ^ punctuation.special
RUN echo a \
#          ^ punctuation.special
    b
