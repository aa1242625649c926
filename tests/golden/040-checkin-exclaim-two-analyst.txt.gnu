corpus/040-checkin-exclaim-two-analyst.txt:5:68: warning: '!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
# exit 0
