corpus/105-checkin-length-long-nurse.txt:3:1: warning: This reads as a check-in note and its body has 180 words; keep it to 150 words or fewer: cut the repeated thanks, the background the reader already knows and anything that belongs in a call. [FollowUp.Length]
# exit 0
