corpus/116-checkin-sentence-long-pm.txt:3:1: note: This sentence has 50 words; split it into two or three shorter ones so the reader gets the point on the first pass. [FollowUp.SentenceLength]
# exit 0
