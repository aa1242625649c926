corpus/039-thankyou-exclaim-many-barista.txt:3:43: warning: '!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
corpus/039-thankyou-exclaim-many-barista.txt:3:158: warning: '!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
# exit 0
