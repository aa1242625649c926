corpus/033-thankyou-smalltalk-exclaim-swe.txt:3:1: warning: 'I hope this email finds you well' is small talk; cut it and open with the reason you are writing (thanks for the interview, or the timeline you were given). [FollowUp.SmallTalk]
corpus/033-thankyou-smalltalk-exclaim-swe.txt:3:111: warning: '!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
corpus/033-thankyou-smalltalk-exclaim-swe.txt:5:223: warning: '!': one exclamation mark per note is plenty; end this sentence with a period and let the words carry the enthusiasm. [FollowUp.Exclamation]
# exit 0
